import { edited, form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';

ruleTester('hygiene-full-width', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'full-width brackets in text', grid: edited((put, at) => put(at.header('deptName'), '鄂州市机关事务服务中心（本级）')) },
    { name: 'full-width brackets in an indicator value', grid: edited((put, at) => put(at.indicator('annual', '节约型机关建设', 'value'), '效果明显（较上年）')) },
  ],
  invalid: [
    {
      name: 'a full-width amount',
      grid: edited((put, at) => put(at.funding('expense', 'total', 'current'), '７９６９．３')),
      errors: (at) => [
        {
          messageId: 'fullWidth',
          cells: [at.funding('expense', 'total', 'current')],
          expected: '7969.3',
          data: { value: '７９６９．３', clean: '7969.3' },
          says: ['７９６９．３', '7969.3'],
          fix: [{ cell: at.funding('expense', 'total', 'current'), value: 7969.3 }],
        },
      ],
    },
    {
      name: 'a full-width share',
      grid: edited((put, at) => put(at.funding('expense', 'targeted', 'share'), '８９．２５％')),
      errors: (at) => [
        {
          messageId: 'fullWidth',
          cells: [at.funding('expense', 'targeted', 'share')],
          expected: '89.25%',
          says: ['８９．２５％', '89.25%'],
          fix: [{ cell: at.funding('expense', 'targeted', 'share'), value: 0.8925, numberFormat: '0.00%' }],
        },
      ],
    },
    {
      name: 'a full-width quantity keeps its unit',
      grid: edited((put, at) => put(at.indicator('annual', '丰富多样的餐饮品种', 'value'), '５５种')),
      errors: (at) => [
        { messageId: 'fullWidth', cells: [at.indicator('annual', '丰富多样的餐饮品种', 'value')], expected: '55种', fix: [{ cell: at.indicator('annual', '丰富多样的餐饮品种', 'value'), value: '55种' }] },
      ],
    },
    {
      name: 'full-width digits and an ideographic space: one finding, cleaned of both',
      grid: edited((put, at) => put(at.funding('expense', 'targeted', 'current'), '７１１２\u3000')),
      errors: (at) => [{ messageId: 'fullWidth', cells: [at.funding('expense', 'targeted', 'current')], expected: '7112', fix: [{ cell: 'D12', value: 7112 }] }],
    },
    {
      name: 'a full-width phone number',
      grid: edited((put, at) => put(at.header('phone'), '０２７－６０８３０６２４')),
      errors: (at) => [{ messageId: 'fullWidth', cells: [at.header('phone')], expected: '027-60830624', says: ['027-60830624'] }],
    },
  ],
});
