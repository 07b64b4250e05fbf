import { i18n } from '@/lib/i18n';
import { usePanel, useValue } from '../use-panel';
import { SummaryView } from './SummaryView';

/** Summaries: the current one (streamed, with coverage) and jobs from the menu; past ones are in History. */
export function SummaryPanel({
  onChooseModel,
  onOpenSettings,
  onFollowUp,
}: {
  onChooseModel(): void;
  onOpenSettings(): void;
  /** Shows the chat, after a follow-up chat was started. */
  onFollowUp(): void;
}) {
  const { summaries, engine, chat } = usePanel();
  useValue(chat.state); // the follow-up is offered for the active tab's page, which may change
  const { job, running, runs, notice } = useValue(summaries.state);
  const connected = useValue(engine.state).engine !== null;
  return (
    <>
      <div class="toolbar">
        <button
          type="button"
          class="primary"
          disabled={!connected || running}
          onClick={() => void summaries.summarizeFocusedTab()}
        >
          {i18n.t('summary.summarizePage')}
        </button>
      </div>
      {notice && (
        <p role="status" data-testid="notice">
          {notice}
        </p>
      )}
      {job ? (
        <SummaryView
          run={runs}
          state={job}
          running={running}
          onStop={() => summaries.stop()}
          onRegenerate={() => void summaries.regenerate()}
          onChooseModel={onChooseModel}
          onOpenSettings={onOpenSettings}
          onFollowUp={
            job.kind === 'done' && job.record.text.trim() && chat.canFollowUp(job.record.url)
              ? () => {
                  chat.followUp(job.record);
                  onFollowUp();
                }
              : undefined
          }
        />
      ) : (
        <p class="empty">{i18n.t('summary.empty')}</p>
      )}
    </>
  );
}
