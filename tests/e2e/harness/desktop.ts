/**
 * A real X display (Xvfb) and real input (xdotool), for the one test that right-clicks
 * like a person: only a real click is a user gesture that lets Chrome open the side panel.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Desktop {
  display: string;
  /** Runs xdotool on this display. */
  xdotool(...args: string[]): Promise<string>;
  /** The id of the first window whose title matches, once it has one (titles update late). */
  findWindow(title: string, timeoutMs?: number): Promise<string>;
  close(): void;
}

export async function startDesktop(number = 90 + Math.floor(Math.random() * 100)): Promise<Desktop> {
  const display = `:${number}`;
  const server: ChildProcess = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  const env = { ...process.env, DISPLAY: display };
  const xdotool = async (...args: string[]) => (await run('xdotool', args, { env })).stdout.trim();
  for (let i = 0; i < 50; i++) {
    try {
      await xdotool('getdisplaygeometry');
      return {
        display,
        xdotool,
        findWindow: (title, timeoutMs) => findWindow(xdotool, title, timeoutMs),
        close: () => server.kill(),
      };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  server.kill();
  throw new Error(`Xvfb did not start on ${display}`);
}

async function findWindow(xdotool: Desktop['xdotool'], title: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      // xdotool exits non-zero while no window matches.
      const [id] = (await xdotool('search', '--name', title)).split('\n');
      if (id) return id;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
