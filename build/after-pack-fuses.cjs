/**
 * electron-builder afterPack hook: flip the Electron fuses (build/fuse-settings.cjs) on the
 * packed executable before it is signed. Runs on the packaging machine, where @electron/fuses is
 * installed (`npm install --no-save @electron/fuses` there); it is not a dependency of the repo.
 */
const path = require('node:path');
const FUSE_SETTINGS = require('./fuse-settings.cjs');

function executablePathFor(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

module.exports = async function afterPack(context) {
  let fuses;
  try {
    fuses = require('@electron/fuses');
  } catch (error) {
    // Shipping without fuses would silently drop the hardening; refuse to package instead.
    throw new Error('build/after-pack-fuses.cjs needs @electron/fuses on the packaging machine: npm install --no-save @electron/fuses', { cause: error });
  }
  const { flipFuses, FuseVersion, FuseV1Options } = fuses;
  const settings = { version: FuseVersion.V1 };
  for (const [name, enabled] of Object.entries(FUSE_SETTINGS)) {
    if (!(name in FuseV1Options)) throw new Error(`@electron/fuses has no fuse named ${name}; update build/fuse-settings.cjs.`);
    settings[FuseV1Options[name]] = enabled;
  }
  // Apple Silicon refuses to run a modified binary whose ad-hoc signature no longer matches.
  settings.resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3; // Arch.arm64
  const target = executablePathFor(context);
  await flipFuses(target, settings);
  console.log(`Electron fuses set on ${target}`);
};
module.exports.FUSE_SETTINGS = FUSE_SETTINGS;
