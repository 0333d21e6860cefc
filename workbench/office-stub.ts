/**
 * A minimal stand-in for the Office globals, for the workbench page (no office.js, no network): the
 * display language, the theme, requirement sets answered by the in-memory Excel, and onReady.
 * Installed only where no real Office is present.
 */
export interface OfficeStub {
  context: {
    displayLanguage: string;
    officeTheme: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string };
    requirements: { isSetSupported(name: string, version?: string): boolean };
  };
  HostType: { Excel: 'Excel' };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
}

export function installOfficeStub(options: {
  displayLanguage: string;
  dark: boolean;
  isSetSupported(name: string, version?: string): boolean;
}): OfficeStub {
  const w = window as unknown as { Office?: unknown };
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const stub: OfficeStub = {
    context: {
      displayLanguage: options.displayLanguage,
      officeTheme: options.dark
        ? { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#333333', controlForegroundColor: '#FFFFFF' }
        : { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000' },
      requirements: { isSetSupported: (name, version) => options.isSetSupported(name, version) },
    },
    HostType: { Excel: 'Excel' },
    onReady(callback) {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  if (w.Office === undefined) w.Office = stub;
  return stub;
}
