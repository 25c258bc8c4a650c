import sdkPackage from '@tencentcloud/chat/package.json';
import uploadPluginPackage from 'tim-upload-plugin/package.json';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json';
import { REVIEWED_SDK_VERSION, REVIEWED_UPLOAD_PLUGIN_VERSION } from './support/chatDouble';

// The double (support/chatDouble.ts) is written from one SDK release's code and declarations. A lockfile
// update must not swap the SDK under it silently: review the double, then move the constant.
describe('the SDK the double was reviewed against is the one installed', () => {
  it('@tencentcloud/chat', () => {
    expect(
      sdkPackage.version,
      `@tencentcloud/chat ${sdkPackage.version} is installed, the double was reviewed against ${REVIEWED_SDK_VERSION}: review test/support/chatDouble.ts, run tests/browser/tencentRealSdk.test.ts, then update REVIEWED_SDK_VERSION`,
    ).toBe(REVIEWED_SDK_VERSION);
    // The locked devDependency is exact, so the lockfile and the reviewed version move together.
    expect(packageJson.devDependencies['@tencentcloud/chat']).toBe(REVIEWED_SDK_VERSION);
  });

  it('tim-upload-plugin', () => {
    expect(uploadPluginPackage.version).toBe(REVIEWED_UPLOAD_PLUGIN_VERSION);
    expect(packageJson.devDependencies['tim-upload-plugin']).toBe(REVIEWED_UPLOAD_PLUGIN_VERSION);
  });
});
