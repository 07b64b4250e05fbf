import { expect, test } from 'vitest';
import { frameAllowsFill } from '@/lib/autofill/visibility';
import { closePagesAfterEach, page } from './helpers/autofill-dom';

closePagesAfterEach();

/** The window properties frameAllowsFill reads, as a browser shows them to a frame's script. */
interface FakeWindow {
  readonly top: FakeWindow | null;
  readonly parent: FakeWindow;
  readonly frameElement: { hasAttribute(name: string): boolean } | null;
  readonly origin: string;
}

function topWindow(origin = 'https://shop.example'): FakeWindow {
  const win: FakeWindow = {
    origin,
    frameElement: null,
    get top() {
      return win;
    },
    get parent() {
      return win;
    },
  };
  return win;
}

/**
 * A frame inside `parent`. `iframe` is the attributes of its `<iframe>`, or null when the
 * parent is cross-origin, where the browser answers `frameElement` with null.
 */
function frame(parent: FakeWindow, origin: string, iframe: string[] | null = []): FakeWindow {
  return {
    origin,
    top: parent.top,
    parent,
    frameElement: iframe && { hasAttribute: (name: string) => iframe.includes(name) },
  };
}

test('the top frame may be filled, unless its origin is opaque', () => {
  expect(frameAllowsFill(topWindow())).toBe(true);
  expect(frameAllowsFill(topWindow('null'))).toBe(false);
});

test('a same-origin frame may be filled, and one inside it', () => {
  const top = topWindow();
  const child = frame(top, 'https://shop.example', ['src', 'title']);
  expect(frameAllowsFill(child)).toBe(true);
  expect(frameAllowsFill(frame(child, 'https://shop.example'))).toBe(true);
});

test('a cross-origin frame is never filled', () => {
  expect(frameAllowsFill(frame(topWindow(), 'https://ads.example', null))).toBe(false);
});

test('a same-origin frame inside a cross-origin one is not either', () => {
  // Its own frameElement is readable (same origin as its parent), but its parent's is not.
  const foreign = frame(topWindow(), 'https://widget.example', null);
  expect(frameAllowsFill(frame(foreign, 'https://widget.example'))).toBe(false);
});

test('a sandboxed frame is never filled: the attribute, or an opaque origin', () => {
  const top = topWindow();
  expect(frameAllowsFill(frame(top, 'https://shop.example', ['sandbox']))).toBe(false);
  expect(frameAllowsFill(frame(top, 'null'))).toBe(false);
  // Sandboxed higher up: the frame inside inherits the sandbox.
  const sandboxed = frame(top, 'https://shop.example', ['sandbox']);
  expect(frameAllowsFill(frame(sandboxed, 'https://shop.example'))).toBe(false);
});

test('a chain of frames that never reaches the top is refused', () => {
  const looped = (next: () => FakeWindow): FakeWindow => ({
    origin: 'https://shop.example',
    top: null,
    frameElement: { hasAttribute: () => false },
    get parent() {
      return next();
    },
  });
  const loop: FakeWindow = looped(() => other);
  const other: FakeWindow = looped(() => loop);
  expect(frameAllowsFill(loop)).toBe(false);
});

test('a real window: the top of a page', () => {
  const doc = page('<input>');
  expect(frameAllowsFill(doc.defaultView!)).toBe(true);
});
