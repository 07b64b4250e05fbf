import { cleanBlock, cleanPreformatted } from './clean-text';
import { isChrome } from './clutter';

/** Elements that start and end a block of text. */
const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE ' +
    'FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LEGEND LI MAIN MENU NAV OL P SECTION SUMMARY TABLE ' +
    'TBODY TFOOT THEAD TR UL'
  ).split(' '),
);

/** Elements whose text is never page content: code, widgets, form controls. */
const SKIP = new Set(
  'SCRIPT STYLE TEMPLATE NOSCRIPT IFRAME OBJECT EMBED CANVAS SVG svg MATH math BUTTON SELECT OPTION TEXTAREA INPUT'.split(
    ' ',
  ),
);

/** Options for {@link collectBlocks}. */
export interface BlockOptions {
  /** Leave out navigation, site header/footer, sidebars, banners, ads and comments (visible-text fallback). */
  skipChrome: boolean;
}

/**
 * Text of `root` as clean blocks: each block-level element (paragraph, heading, list item, row…)
 * becomes one block with whitespace collapsed; table cells are joined by " | "; <pre> keeps its
 * line breaks. Iterative, so deeply nested pages cannot overflow the stack.
 */
export function collectBlocks(root: Node, options: BlockOptions): string[] {
  const blocks: string[] = [];
  let parts: string[] = [];
  const flush = () => {
    if (parts.length === 0) return;
    const block = cleanBlock(parts.join(''));
    if (block !== '') blocks.push(block);
    parts = [];
  };
  // Entries are nodes to enter, or `null` markers meaning "leaving a block: flush".
  const stack: (Node | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === 3 /* text */) {
      parts.push((node as Text).data);
      continue;
    }
    if (node.nodeType !== 1 /* element */ && node.nodeType !== 9 /* document */) continue;
    const el = node as Element;
    const tag = el.tagName ?? '';
    if (node !== root && (SKIP.has(tag) || (options.skipChrome && isChrome(el)))) continue;
    if (tag === 'PRE') {
      flush();
      const code = cleanPreformatted(el.textContent ?? '');
      if (code !== '') blocks.push(code);
      continue;
    }
    if (tag === 'TD' || tag === 'TH') parts.push(el.previousElementSibling ? ' | ' : ' ');
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      stack.push(null);
    }
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  flush();
  return blocks;
}
