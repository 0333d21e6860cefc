import { edited, form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';
import { toA1 } from '../../src/grid/address';

const LONG = '负责市直党政机关、事业单位事务管理、保障、服务工作。研究制定机关事务工作办法和有关规章制度，并组织实施。负责市直党政机关、事业单位公务用车管理工作。';

ruleTester('hygiene-stray-space', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'spaces inside text', grid: edited((put, at) => put(at.header('filler'), '罗 莉')) },
    { name: 'an amount with a space (hygiene-number-as-text reports it)', grid: edited((put, at) => put(at.funding('expense', 'targeted', 'current'), '7112\u3000')) },
    { name: 'full-width digits with a space (hygiene-full-width reports it)', grid: edited((put, at) => put(at.indicator('annual', '会议服务次数', 2022), '２００场次 ')) },
  ],
  invalid: [
    {
      name: 'a trailing ideographic space in a name',
      grid: edited((put, at) => put(at.header('filler'), '罗莉\u3000')),
      errors: (at) => [
        { messageId: 'stray', cells: [at.header('filler')], expected: '罗莉', data: { value: '罗莉\u3000' }, says: ['罗莉'], fix: [{ cell: at.header('filler'), value: '罗莉' }] },
      ],
    },
    {
      name: 'text with full-width brackets and a trailing space',
      grid: edited((put, at) => put(at.header('deptName'), '鄂州市机关事务服务中心（本级）\u3000')),
      errors: (at) => [{ messageId: 'stray', cells: [at.header('deptName')], expected: '鄂州市机关事务服务中心（本级）', says: ['鄂州市机关事务服务中心（本级）'] }],
    },
    {
      name: 'a quantity with a trailing space',
      grid: edited((put, at) => put(at.indicator('annual', '丰富多样的餐饮品种', 'value'), '55种 ')),
      errors: (at) => [{ messageId: 'stray', cells: [at.indicator('annual', '丰富多样的餐饮品种', 'value')], expected: '55种', says: ['55种'] }],
    },
    {
      name: 'a percentage typed as text with a leading space',
      grid: edited((put, at) => put(at.indicator('longTerm', '预算执行率', 'value'), ' 100%')),
      errors: (at) => [{ messageId: 'stray', cells: [at.indicator('longTerm', '预算执行率', 'value')], expected: '100%', data: { value: ' 100%' } }],
    },
    {
      name: 'a project name and a basis',
      grid: edited((put, at) => (put(at.project(5, 'name'), '\u3000会务管理经费'), put(at.indicator('annual', '预算调整率', 'basis'), '预算支出标准 '))),
      errors: (at) => [
        { messageId: 'stray', cells: [at.project(5, 'name')], expected: '会务管理经费' },
        { messageId: 'stray', cells: [at.indicator('annual', '预算调整率', 'basis')], expected: '预算支出标准' },
      ],
    },
    {
      name: 'a long text is shortened in the message and has no expected value',
      grid: form((f) => (f.functions = `${LONG}\n `)),
      errors: (at) => [
        {
          messageId: 'stray',
          cells: [toA1(at.form.texts.functions!.value)],
          data: { value: `${LONG.slice(0, 30)}…` },
          says: [`${LONG.slice(0, 30)}…`],
          fix: [{ cell: 'B14', value: LONG }],
        },
      ],
    },
  ],
});
