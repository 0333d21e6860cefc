/** 设置: how shares round, values or formulas, the change threshold of the check, and the language. Saved at once. */
import { useState } from 'react';
import { Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { parseThreshold, type PaneSettings } from '../settings';
import { useController, usePaneState, useStrings } from '../useController';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  threshold: { maxWidth: '8em' },
});

export function SettingsPanel() {
  const styles = useStyles();
  const c = useController();
  const state = usePaneState();
  const s = useStrings();
  const settings = state.settings;
  const [threshold, setThreshold] = useState(String(settings.thresholdPercent));
  const parsed = parseThreshold(threshold);
  const commitThreshold = () => {
    if (parsed !== null && parsed !== settings.thresholdPercent) c.updateSettings({ thresholdPercent: parsed });
  };
  return (
    <section id="jx-settings" className={styles.panel} aria-labelledby="jx-settings-title" data-testid="settings">
      <h2 id="jx-settings-title" className={styles.h2}>
        {s.settingsTitle}
      </h2>
      <Field label={s.tailRule}>
        <RadioGroup value={settings.tailRule} onChange={(_, d) => c.updateSettings({ tailRule: d.value === 'none' ? 'none' : 'largest' })}>
          <Radio value="largest" label={s.tailLargest} />
          <Radio value="none" label={s.tailNone} />
        </RadioGroup>
      </Field>
      <Field label={s.fillMode}>
        <RadioGroup layout="horizontal" value={settings.mode} onChange={(_, d) => c.updateSettings({ mode: d.value === 'formulas' ? 'formulas' : 'values' })}>
          <Radio value="values" label={s.modeValues} />
          <Radio value="formulas" label={s.modeFormulas} />
        </RadioGroup>
      </Field>
      <Field
        label={s.threshold}
        hint={s.thresholdHint}
        validationState={parsed === null ? 'error' : 'none'}
        validationMessage={parsed === null ? `1–1000` : undefined}
      >
        <Input
          className={styles.threshold}
          value={threshold}
          inputMode="decimal"
          onChange={(_, d) => setThreshold(d.value)}
          onBlur={commitThreshold}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitThreshold();
          }}
          contentAfter="%"
          data-testid="threshold"
        />
      </Field>
      <Field label={s.language}>
        <Select
          value={settings.language}
          onChange={(_, d) => c.updateSettings({ language: d.value as PaneSettings['language'] })}
          data-testid="language"
        >
          <option value="auto">{s.langAuto}</option>
          <option value="zh-CN">{s.langZh}</option>
          <option value="en-US">{s.langEn}</option>
        </Select>
      </Field>
    </section>
  );
}
