// @ts-check
/**
 * STAND-IN for the `electron` module, for tests only. It is NOT Electron: there is no Chromium,
 * no renderer and no window on screen. It is the small part of Electron's main-process API that
 * src-main/shell uses (app, BrowserWindow, ipcMain, protocol, session, screen, dialog, shell),
 * with the rules of the real one that the shell depends on:
 *   - `ready` fires after the main script has run; protocol.registerSchemesAsPrivileged throws
 *     after it, session.defaultSession, screen and new BrowserWindow throw before it;
 *   - ipcMain.handle refuses a second handler for a channel;
 *   - app 'web-contents-created' fires for every new window;
 *   - app.quit(): 'before-quit', every window 'close'/'closed', 'will-quit' (preventable), 'quit'.
 *
 * The bundle out/main/index.js is run under plain Node with `electron` resolved here
 * (electron-stand-in-hooks.mjs, registered by electron-stand-in-register.mjs). A test drives it
 * and looks at what the shell did over the Node IPC channel of a forked child: messages
 * `{ id, command, ...args }` are answered with `{ id, ok, value | error }`, and the stand-in
 * reports events unasked as `{ event, ... }`. See test/shell/electron-stand-in.test.ts.
 *
 * It only ever makes loopback requests: loadURL of an http(s) page is fetched only from
 * 127.0.0.1/localhost/[::1] (the dev-server test), anything else fails as Electron's would
 * without a network.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';

/** @param {Record<string, unknown>} message */
function report(message) {
  if (process.connected && process.send) process.send(message);
}

/** Everything the shell asked of "Electron", in order, with whether the app was ready then. */
/** @type {Array<{ call: string, ready: boolean, detail?: unknown }>} */
const calls = [];
let appReady = false;
/** @param {string} call @param {unknown} [detail] */
function note(call, detail) {
  calls.push(detail === undefined ? { call, ready: appReady } : { call, ready: appReady, detail });
}

/** An event object whose preventDefault can be observed, like Electron's. */
function preventableEvent(extra = {}) {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
}

// ---------------------------------------------------------------------------------------------
// app
// ---------------------------------------------------------------------------------------------

class StandInApp extends EventEmitter {
  /** Electron: false when run as `electron .`; a test sets ELECTRON_STAND_IN_PACKAGED=1 to play a packaged app. */
  isPackaged = process.env.ELECTRON_STAND_IN_PACKAGED === '1';
  /** @type {Map<string, string>} */
  paths = new Map();
  quitting = false;
  /** @type {() => void} */
  #markReady = () => undefined;
  #ready = new Promise((resolve) => {
    this.#markReady = () => resolve(undefined);
  });

  isReady() {
    return appReady;
  }

  whenReady() {
    return this.#ready;
  }

  /** Called once the main script has run, as Electron does. */
  becomeReady() {
    appReady = true;
    // Which app events the shell had hooked by then (web-contents-created must be among them).
    note('app ready', { listening: this.eventNames().map(String) });
    this.#markReady();
    this.emit('ready', {}, {});
    report({ event: 'ready' });
  }

  getVersion() {
    return '0.0.0-stand-in';
  }

  getName() {
    return 'antom-ops-console';
  }

  /** @param {string} name @param {string} value */
  setPath(name, value) {
    note('app.setPath', { name, value });
    this.paths.set(name, value);
  }

  /** @param {string} name */
  getPath(name) {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`Stand-in: app.getPath('${name}') has no value (the shell must set it first).`);
    return value;
  }

  requestSingleInstanceLock() {
    note('app.requestSingleInstanceLock');
    return true;
  }

  /** Electron's order: before-quit, close every window, will-quit, quit. */
  quit() {
    note('app.quit');
    const beforeQuit = preventableEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    for (const window of [...openWindows]) {
      if (!window.close()) return;
    }
    const willQuit = preventableEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      note('will-quit prevented');
      return;
    }
    if (this.quitting) return;
    this.quitting = true;
    note('quit');
    this.emit('quit', {}, 0);
    report({ event: 'quit', calls, ipcChannels: [...ipcHandlers.keys()] });
    // Electron would now end the process. The stand-in only lets go of the test's channel: if the
    // shell closed everything it started, Node exits by itself; a leaked server keeps it alive.
    setImmediate(() => {
      if (process.connected) process.disconnect();
      // Does not keep the process alive; only says what does, if something still does.
      setTimeout(() => {
        console.error(`Stand-in: the process is still alive 5 s after quit; active resources: ${process.getActiveResourcesInfo().join(', ')}`);
      }, 5_000).unref();
    });
  }

  /** @param {number} [code] */
  exit(code = 0) {
    note('app.exit', { code });
    report({ event: 'exit', code, calls });
    process.exitCode = code;
    setImmediate(() => process.exit(code));
  }
}

export const app = new StandInApp();

// ---------------------------------------------------------------------------------------------
// protocol, session
// ---------------------------------------------------------------------------------------------

/** @type {Array<{ scheme: string, privileges?: Record<string, boolean> }>} */
const privilegedSchemes = [];

export const protocol = {
  /** @param {Array<{ scheme: string, privileges?: Record<string, boolean> }>} schemes */
  registerSchemesAsPrivileged(schemes) {
    note('protocol.registerSchemesAsPrivileged', schemes);
    if (appReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    privilegedSchemes.push(...schemes);
  },
};

/** @typedef {(request: Request) => Response | Promise<Response>} ProtocolHandler */

class StandInSession {
  /** @type {Map<string, ProtocolHandler>} */
  protocolHandlers = new Map();
  /** @type {Function | null} */
  permissionRequestHandler = null;
  /** @type {Function | null} */
  permissionCheckHandler = null;
  /** @type {Function | null} */
  devicePermissionHandler = null;
  /** @type {Function | null} */
  headersReceivedListener = null;

  protocol = {
    /** @param {string} scheme @param {ProtocolHandler} handler */
    handle: (scheme, handler) => {
      note('session.protocol.handle', { scheme });
      if (this.protocolHandlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled.`);
      this.protocolHandlers.set(scheme, handler);
    },
    /** @param {string} scheme */
    unhandle: (scheme) => {
      this.protocolHandlers.delete(scheme);
    },
    /** @param {string} scheme */
    isProtocolHandled: (scheme) => this.protocolHandlers.has(scheme),
  };

  webRequest = {
    /** @param {Function} listener */
    onHeadersReceived: (listener) => {
      note('session.webRequest.onHeadersReceived');
      this.headersReceivedListener = listener;
    },
  };

  /** @param {Function | null} handler */
  setPermissionRequestHandler(handler) {
    note('session.setPermissionRequestHandler');
    this.permissionRequestHandler = handler;
  }

  /** @param {Function | null} handler */
  setPermissionCheckHandler(handler) {
    note('session.setPermissionCheckHandler');
    this.permissionCheckHandler = handler;
  }

  /** @param {Function | null} handler */
  setDevicePermissionHandler(handler) {
    note('session.setDevicePermissionHandler');
    this.devicePermissionHandler = handler;
  }
}

const defaultSession = new StandInSession();

export const session = {
  get defaultSession() {
    if (!appReady) throw new Error('Session can only be received when app is ready');
    return defaultSession;
  },
};

// ---------------------------------------------------------------------------------------------
// ipcMain
// ---------------------------------------------------------------------------------------------

/** @type {Map<string, Function>} */
const ipcHandlers = new Map();

class StandInIpcMain extends EventEmitter {
  /** @param {string} channel @param {Function} handler */
  handle(channel, handler) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
  }

  /** @param {string} channel */
  removeHandler(channel) {
    ipcHandlers.delete(channel);
  }
}

export const ipcMain = new StandInIpcMain();

// ---------------------------------------------------------------------------------------------
// BrowserWindow, webContents, screen
// ---------------------------------------------------------------------------------------------

/** @type {Set<StandInBrowserWindow>} */
const openWindows = new Set();
let nextId = 1;

/** The loopback hosts the stand-in may fetch a dev-server page from. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

class StandInWebContents extends EventEmitter {
  id = nextId++;
  destroyed = false;
  /** Electron's WebFrameMain of the top frame; the IPC sender check compares against it by identity. */
  mainFrame = { url: '', name: '', top: /** @type {unknown} */ (null), parent: null };
  /** @type {Function | null} */
  windowOpenHandler = null;
  /** @type {Array<{ channel: string }>} */
  sent = [];

  constructor() {
    super();
    this.mainFrame.top = this.mainFrame;
  }

  /** @param {Function} handler */
  setWindowOpenHandler(handler) {
    note('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }

  /** @param {string} channel */
  send(channel) {
    this.sent.push({ channel });
  }

  isDestroyed() {
    return this.destroyed;
  }

  getURL() {
    return this.mainFrame.url;
  }

  /**
   * What Chromium would fetch for the top frame: app:// through the session's protocol handler,
   * a loopback http page from the network, nothing else.
   * @param {string} url
   * @returns {Promise<{ url: string, status: number, headers: Record<string, string>, body: string }>}
   */
  async fetchPage(url) {
    const parsed = new URL(url);
    const scheme = parsed.protocol.replace(/:$/, '');
    const handler = defaultSession.protocolHandlers.get(scheme);
    let response;
    if (handler) {
      response = await handler(new Request(url));
    } else if ((scheme === 'http' || scheme === 'https') && LOOPBACK_HOSTS.has(parsed.host.replace(/:\d+$/, ''))) {
      response = await fetch(url);
    } else {
      throw new Error(`ERR_UNKNOWN_URL_SCHEME or no network in the stand-in (${url})`);
    }
    return { url, status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  }
}

class StandInBrowserWindow extends EventEmitter {
  /** @type {Record<string, unknown>} */
  options;
  /** @type {{ url: string, status: number, headers: Record<string, string>, body: string } | { url: string, error: string } | undefined} */
  lastLoad;
  visible = false;
  maximized = false;
  destroyed = false;

  /** @param {Record<string, unknown>} [options] */
  constructor(options = {}) {
    super();
    if (!appReady) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = structuredClone(options);
    this.id = nextId++;
    this.webContents = new StandInWebContents();
    const prefs = /** @type {Record<string, unknown>} */ (options.webPreferences ?? {});
    const preload = typeof prefs.preload === 'string' ? prefs.preload : undefined;
    note('new BrowserWindow', { webPreferences: prefs, preloadExists: preload ? existsSync(preload) : false });
    openWindows.add(this);
    app.emit('web-contents-created', {}, this.webContents);
    report({ event: 'window-created', windowId: this.id });
  }

  static getAllWindows() {
    return [...openWindows];
  }

  /** @param {string} url */
  async loadURL(url) {
    note('BrowserWindow.loadURL', { url });
    try {
      const page = await this.webContents.fetchPage(url);
      this.lastLoad = page;
      if (page.status >= 400) throw new Error(`ERR_HTTP_RESPONSE_CODE_FAILURE (${page.status}) loading '${url}'`);
      this.webContents.mainFrame.url = url;
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
      report({ event: 'page-loaded', url, status: page.status });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.lastLoad ??= { url, error: message };
      report({ event: 'page-failed', url, error: message });
      throw error;
    }
  }

  show() {
    this.visible = true;
  }

  isVisible() {
    return this.visible;
  }

  maximize() {
    this.maximized = true;
  }

  isMaximized() {
    return this.maximized;
  }

  isMinimized() {
    return false;
  }

  restore() {}

  focus() {}

  getNormalBounds() {
    const o = this.options;
    return { x: Number(o.x ?? 0), y: Number(o.y ?? 0), width: Number(o.width ?? 800), height: Number(o.height ?? 600) };
  }

  isDestroyed() {
    return this.destroyed;
  }

  /** @returns {boolean} false when a 'close' listener kept the window open */
  close() {
    if (this.destroyed) return true;
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.webContents.destroyed = true;
    openWindows.delete(this);
    this.emit('closed');
    return true;
  }
}

export { StandInBrowserWindow as BrowserWindow };

export const screen = {
  getAllDisplays() {
    if (!appReady) throw new Error("The 'screen' module can't be used before the app 'ready' event");
    const area = { x: 0, y: 0, width: 1920, height: 1080 };
    return [{ id: 1, bounds: area, workArea: area, scaleFactor: 1 }];
  },
};

// ---------------------------------------------------------------------------------------------
// dialog, shell: recorded, never shown or opened
// ---------------------------------------------------------------------------------------------

export const dialog = {
  /** @param {string} title @param {string} content */
  showErrorBox(title, content) {
    note('dialog.showErrorBox', { title, content });
    report({ event: 'error-box', title, content });
  },
};

export const shell = {
  /** @param {string} url */
  async openExternal(url) {
    note('shell.openExternal', { url });
  },
};

export default { app, BrowserWindow: StandInBrowserWindow, dialog, ipcMain, protocol, screen, session, shell };

// ---------------------------------------------------------------------------------------------
// The test's side: commands over the Node IPC channel
// ---------------------------------------------------------------------------------------------

function firstWindow() {
  const [window] = openWindows;
  if (!window) throw new Error('The shell has not opened a window.');
  return window;
}

/**
 * The frame an IPC call claims to come from: the window's top frame (optionally after it was
 * navigated to `url`), a subframe of it, or a frame already gone (null).
 * @param {StandInWebContents} contents
 * @param {{ frame: 'main' | 'sub' | 'gone', url?: string }} from
 */
function senderFrameFor(contents, from) {
  if (from.frame === 'gone') return null;
  if (from.frame === 'sub') return { url: from.url ?? contents.mainFrame.url, name: 'child', top: contents.mainFrame, parent: contents.mainFrame };
  return contents.mainFrame;
}

/** @type {Record<string, (args: any) => unknown>} */
const commands = {
  /** What the shell has done so far. */
  state() {
    return {
      calls,
      privilegedSchemes,
      ipcChannels: [...ipcHandlers.keys()],
      protocolHandlers: [...defaultSession.protocolHandlers.keys()],
      hardening: {
        permissionRequestHandler: defaultSession.permissionRequestHandler !== null,
        permissionCheckHandler: defaultSession.permissionCheckHandler !== null,
        devicePermissionHandler: defaultSession.devicePermissionHandler !== null,
        headersReceivedListener: defaultSession.headersReceivedListener !== null,
      },
      windows: [...openWindows].map((w) => ({
        id: w.id,
        options: w.options,
        visible: w.visible,
        lastLoad: w.lastLoad,
        webContentsListeners: w.webContents.eventNames().map(String),
        windowOpenHandler: w.webContents.windowOpenHandler !== null,
      })),
      paths: Object.fromEntries(app.paths),
    };
  },

  /** Invoke an IPC channel as the preload would, from the frame described by `from`. */
  /** @param {{ channel: string, input: unknown, from: { frame: 'main' | 'sub' | 'gone', url?: string } }} args */
  async invoke({ channel, input, from }) {
    const handler = ipcHandlers.get(channel);
    if (!handler) throw new Error(`No handler for '${channel}'`);
    const contents = firstWindow().webContents;
    const previousUrl = contents.mainFrame.url;
    // A top frame on another origin: the window was navigated there (as if a guard had failed).
    if (from.frame === 'main' && from.url) contents.mainFrame.url = from.url;
    try {
      const event = { sender: contents, senderFrame: senderFrameFor(contents, from), processId: 1, frameId: 1 };
      return await handler(event, input);
    } finally {
      contents.mainFrame.url = previousUrl;
    }
  },

  /** Request a URL through the session's protocol handler, as Chromium would for the page. */
  /** @param {{ url: string, method?: string }} args */
  async request({ url, method = 'GET' }) {
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = defaultSession.protocolHandlers.get(scheme);
    if (!handler) throw new Error(`No protocol handler for ${scheme}:`);
    const response = await handler(new Request(url, { method }));
    return { status: response.status, headers: Object.fromEntries(response.headers), body: method === 'HEAD' ? '' : await response.text() };
  },

  /** The page tries to navigate its top frame (link, location.href) or a subframe, or is redirected. */
  /** @param {{ url: string, kind: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', isMainFrame?: boolean }} args */
  navigate({ url, kind, isMainFrame = true }) {
    const contents = firstWindow().webContents;
    const event = preventableEvent({ url, isMainFrame });
    contents.emit(kind, event, url);
    return { prevented: event.defaultPrevented };
  },

  /** window.open / target=_blank from the page. */
  /** @param {{ url: string }} args */
  windowOpen({ url }) {
    const handler = firstWindow().webContents.windowOpenHandler;
    if (!handler) return { action: 'no handler' };
    return handler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } });
  },

  /** A <webview> the page tries to attach. */
  attachWebview() {
    const event = preventableEvent();
    firstWindow().webContents.emit('will-attach-webview', event, {}, {});
    return { prevented: event.defaultPrevented };
  },

  /** The page asks for a permission, and Chromium checks one. */
  /** @param {{ permission: string }} args */
  async permission({ permission }) {
    const contents = firstWindow().webContents;
    const request = defaultSession.permissionRequestHandler;
    const check = defaultSession.permissionCheckHandler;
    const granted = await new Promise((resolve) => {
      if (!request) resolve('no handler');
      else request(contents, permission, resolve, { requestingUrl: contents.getURL() });
    });
    const checked = check ? check(contents, permission, contents.getURL(), {}) : 'no handler';
    return { granted, checked };
  },

  /** A response arrives for `url` with these headers: what does webRequest leave of them? */
  /** @param {{ url: string, responseHeaders: Record<string, string[]> }} args */
  async headersReceived({ url, responseHeaders }) {
    const listener = defaultSession.headersReceivedListener;
    if (!listener) return { changed: 'no listener' };
    return new Promise((resolve) => listener({ url, responseHeaders }, resolve));
  },

  /** Which channels the shell has pushed to the page so far. */
  pushes() {
    return firstWindow().webContents.sent.map((s) => s.channel);
  },

  quit() {
    app.quit();
    return { quitting: true };
  },
};

process.on('message', (raw) => {
  const message = /** @type {{ id: number, command: string } & Record<string, unknown>} */ (raw);
  const run = commands[message.command];
  Promise.resolve()
    .then(() => {
      if (!run) throw new Error(`Unknown stand-in command ${message.command}`);
      return run(message);
    })
    .then(
      (value) => report({ id: message.id, ok: true, value }),
      (error) => report({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
});

// A test that went away (crashed, killed) takes the app with it, like closing the last window:
// no orphaned shell keeps its sandbox and receiver ports open.
process.on('disconnect', () => {
  if (!app.quitting) app.quit();
});

// Electron emits ready once the main script has been evaluated. This module is evaluated first
// (the bundle imports it), so the shell's top-level code runs before this callback.
setImmediate(() => app.becomeReady());
