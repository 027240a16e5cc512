/**
 * The Electron fuses the packaged console ships with, by FuseV1Options name. Kept apart from
 * the afterPack hook so a test can read them without @electron/fuses installed.
 */
module.exports = Object.freeze({
  // The binary cannot be turned into a plain Node runtime with ELECTRON_RUN_AS_NODE.
  RunAsNode: false,
  // NODE_OPTIONS cannot inject code or flags into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk cannot attach a debugger to the main process.
  EnableNodeCliInspectArguments: false,
  // The app is only ever loaded from app.asar, never from a loose folder next to it.
  OnlyLoadAppFromAsar: true,
  // app.asar is checked against the hash recorded at packaging time (where Electron supports it).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Cookies and other session data at rest are encrypted with an OS-protected key.
  EnableCookieEncryption: true,
  // The renderer is served on app://console/; file:// needs none of its legacy privileges.
  GrantFileProtocolExtraPrivileges: false,
});
