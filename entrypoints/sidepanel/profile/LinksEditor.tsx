import { i18n } from '@/lib/i18n';
import type { ProfileBook } from '@/lib/panel';
import { linkKey, linkLabel, type ProfileLink, type ProfileProblems } from '@/lib/profile';
import { FieldInput } from './FieldInput';

interface Props {
  book: ProfileBook;
  links: ProfileLink[];
  problems: ProfileProblems;
}

/** The free links (LinkedIn, GitHub, a portfolio): a name and an https:// address each. */
export function LinksEditor({ book, links, problems }: Props) {
  return (
    <fieldset>
      <legend>{i18n.t('profile.group.links')}</legend>
      <p class="hint">{i18n.t('profile.linksHint')}</p>
      {links.map((link, index) => (
        <div key={index} class="profile-link" data-testid="profile-link">
          <FieldInput
            problemKey={linkKey(index, 'label')}
            label={linkLabel(index, 'label')}
            value={link.label}
            placeholder="GitHub"
            problem={problems[linkKey(index, 'label')]}
            onInput={(text) => book.setLink(index, 'label', text)}
          />
          <FieldInput
            problemKey={linkKey(index, 'url')}
            label={linkLabel(index, 'url')}
            value={link.url}
            placeholder="https://"
            inputMode="url"
            problem={problems[linkKey(index, 'url')]}
            onInput={(text) => book.setLink(index, 'url', text)}
            remove={
              <button
                type="button"
                aria-label={i18n.t('profile.remove', [i18n.t('profile.linkNumbered', [index + 1])])}
                onClick={() => book.removeLink(index)}
              >
                {i18n.t('profile.removeShort')}
              </button>
            }
          />
        </div>
      ))}
      <div class="toolbar small">
        <button type="button" onClick={() => book.addLink()}>
          {i18n.t('profile.addLink')}
        </button>
      </div>
    </fieldset>
  );
}
