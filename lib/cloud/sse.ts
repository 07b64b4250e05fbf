/**
 * Server-sent events, as OpenAI-compatible `chat/completions` streams send them: `data:`
 * lines, an event ending at a blank line, `[DONE]` at the end. Parsed incrementally, since
 * the network cuts the stream anywhere, even between a `\r` and its `\n`
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
 */
export class SseParser {
  private line = '';
  private data: string[] = [];
  /** The last chunk ended with `\r`: a `\n` starting the next one belongs to that line break. */
  private afterCr = false;

  /** Feeds decoded text; returns the data of every event it completed, in order. */
  push(text: string): string[] {
    const events: string[] = [];
    let start = 0;
    if (this.afterCr && text.startsWith('\n')) start = 1;
    this.afterCr = false;
    for (let i = start; i < text.length; i++) {
      const char = text[i];
      if (char !== '\n' && char !== '\r') continue;
      this.line += text.slice(start, i);
      this.endLine(events);
      if (char === '\r') {
        if (i + 1 === text.length) this.afterCr = true;
        else if (text[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.line += text.slice(start);
    return events;
  }

  /**
   * The stream ended. An event without its blank line is dropped, as the spec says: a
   * stream cut mid-event must not pass a half-written JSON object as whole.
   */
  end(): void {
    this.line = '';
    this.data = [];
    this.afterCr = false;
  }

  private endLine(events: string[]): void {
    const line = this.line;
    this.line = '';
    if (line === '') {
      if (this.data.length > 0) events.push(this.data.join('\n'));
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') return;
    const value = colon < 0 ? '' : line.slice(colon + 1);
    this.data.push(value.startsWith(' ') ? value.slice(1) : value);
  }
}
