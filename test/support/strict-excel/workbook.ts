/** Workbook, Application (calculation) and the per-add-in document settings (ExcelApi 1.4). */
import { ClientObject, ClientResult, clone, type StrictContext } from './context';
import { StrictExcelError } from './errors';
import { findSheet } from './model';

/**
 * Refuses a settings change that would take the add-in's settings past the profile's cap, as Excel does
 * with InvalidArgument (office-js#3957; Office.Settings documents a 2 MB maximum, office-js#621).
 */
function checkSettingsSize(context: StrictContext, key: string, value: unknown): void {
  const limit = context.host.profile.settingsLimit;
  if (limit === undefined) return;
  const next = { ...context.host.wb.settings, [key]: value };
  const size = JSON.stringify(next).length;
  if (size > limit) throw new StrictExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (settings: ${size} > ${limit})`);
}
import { Range } from './range';
import { Collection, NamedItemCollection, Worksheet, WorksheetCollection } from './worksheet';

export class Application extends ClientObject {
  protected get typeName(): string {
    return 'Application';
  }
  protected get scalarProps(): Record<string, string> {
    return { calculationMode: '1.1' };
  }
  protected readProp(): unknown {
    return 'Automatic';
  }
  get calculationMode(): string {
    return this.prop('calculationMode');
  }
  calculate(_type: string): void {
    this.context.enqueue('Application.calculate()', () => undefined);
  }
  /** ExcelApi 1.6: no recalculation until the next sync (the fake never recalculates; it counts the call). */
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue('Application.suspendApiCalculationUntilNextSync()', () => undefined, { version: '1.6' });
  }
}

export class Setting extends ClientObject {
  constructor(context: StrictContext, readonly settingKey: string, private readonly nullable: boolean) {
    super(context);
  }
  protected get typeName(): string {
    return 'Setting';
  }
  protected get scalarProps(): Record<string, string> {
    return { key: '1.4', value: '1.4' };
  }
  protected override resolveNull(): boolean {
    const missing = !(this.settingKey in this.context.host.wb.settings);
    if (missing && !this.nullable) throw new StrictExcelError('ItemNotFound', `No setting '${this.settingKey}'.`);
    return missing;
  }
  protected readProp(name: string): unknown {
    return name === 'key' ? this.settingKey : this.context.host.wb.settings[this.settingKey];
  }
  trackNullPublic(label: string, version: string): void {
    this.trackNull(label, version);
  }
  get key(): string {
    return this.prop('key');
  }
  get value(): unknown {
    return this.prop('value');
  }
  set value(v: unknown) {
    this.context.enqueue('Setting.value=', () => {
      if (!(this.settingKey in this.context.host.wb.settings)) throw new StrictExcelError('ItemNotFound', `No setting '${this.settingKey}'.`);
      checkSettingsSize(this.context, this.settingKey, v);
      this.context.host.wb.settings[this.settingKey] = clone(v);
    }, { write: true, bytes: JSON.stringify(v ?? null).length, version: '1.4' });
  }
  delete(): void {
    this.context.enqueue('Setting.delete()', () => {
      delete this.context.host.wb.settings[this.settingKey];
    }, { write: true, version: '1.4' });
  }
}

export class SettingCollection extends Collection<Setting> {
  protected get typeName(): string {
    return 'SettingCollection';
  }
  protected get version(): string {
    return '1.4';
  }
  protected list(): Setting[] {
    return Object.keys(this.context.host.wb.settings).map((k) => new Setting(this.context, k, false));
  }
  /** Sets or adds a setting. Values travel as JSON, as in Office. */
  add(key: string, value: unknown): Setting {
    this.context.enqueue('SettingCollection.add()', () => {
      if (value === undefined) throw new StrictExcelError('InvalidArgument', 'A setting needs a value.');
      checkSettingsSize(this.context, key, value);
      this.context.host.wb.settings[key] = clone(value);
    }, { write: true, bytes: key.length + JSON.stringify(value ?? null).length, version: '1.4' });
    return new Setting(this.context, key, false);
  }
  getItem(key: string): Setting {
    const s = new Setting(this.context, key, false);
    this.context.enqueue('SettingCollection.getItem()', () => undefined, { version: '1.4' });
    return s;
  }
  getItemOrNullObject(key: string): Setting {
    const s = new Setting(this.context, key, true);
    s.trackNullPublic('SettingCollection.getItemOrNullObject()', '1.4');
    return s;
  }
  getCount(): ClientResult<number> {
    const res = new ClientResult<number>('SettingCollection.getCount');
    this.context.enqueue('SettingCollection.getCount()', () => res.set(Object.keys(this.context.host.wb.settings).length), { version: '1.4' });
    return res;
  }
}

export class Workbook extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly application: Application;
  private namesProxy?: NamedItemCollection;
  private settingsProxy?: SettingCollection;

  constructor(context: StrictContext) {
    super(context);
    this.worksheets = new WorksheetCollection(context);
    this.application = new Application(context);
  }
  protected get typeName(): string {
    return 'Workbook';
  }
  protected get scalarProps(): Record<string, string> {
    return { name: '1.7' };
  }
  protected readProp(): unknown {
    return 'Book1.xlsx';
  }
  get names(): NamedItemCollection {
    return (this.namesProxy ??= new NamedItemCollection(this.context, () => this.context.host.wb.names));
  }
  get settings(): SettingCollection {
    return (this.settingsProxy ??= new SettingCollection(this.context));
  }
  getSelectedRange(): Range {
    const wb = this.context.host.wb;
    const ws = new Worksheet(this.context, () => findSheet(wb, wb.selection?.sheetId ?? wb.activeSheetId) ?? null);
    const r = new Range(this.context, ws, () => wb.selection?.areas[0] ?? { top: 0, left: 0, bottom: 0, right: 0 });
    this.context.enqueue('Workbook.getSelectedRange()', () => void r.rect());
    return r;
  }
}
