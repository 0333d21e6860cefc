/** jixiao command line: `npm run cli -- <command> …`. Exit codes: 0 clean, 1 errors found, 2 unreadable input or bad usage. */
import { cmdAnnotate, cmdCheck, cmdFill, cmdReview, cmdRoll, cmdTemplate, type Io } from './commands';
import { UsageError } from './args';

export const USAGE = `用法 / usage: npm run cli -- <command> [options]

  check FILE… [--json | --summary] [--sheet NAME] [--lang zh|en]
      检查申报表（.xlsx 的每个工作表、.docx 的每个表格中的每份表单）；--json 输出机器可读结果（含 coverage）；
      --summary 每份一行的汇总表。退出码：0 无错误，1 有错误（含未读到的部分），2 文件无法读取
  fill IN --out OUT.xlsx [--only totals,shares,changes] [--overwrite] [--formulas] [--sheet NAME]
      填充合计、占比、增减率；不修改 IN，不覆盖已有输入（除非 --overwrite）；IN 为 .docx 时写出工作簿
  annotate IN --out OUT [--sheet NAME] [--lang zh|en]
      标注问题单元格（红色错误、黄色提示，附批注），并生成“检查结果”工作表
  template --out FILE [--sample] [--year YYYY]
      生成空白模板；--sample 填入示例申报表
  roll IN --out OUT
      开始新年度：上年列后移、当年金额清空、年度与填报日期加一年
  roll LAST --into THIS --out OUT [--overwrite]
      导入上年申报表：按行标签匹配，填入本年表的近两年列；列出未匹配的行
  review DIR_OR_FILE… --out REVIEW.xlsx [--lang zh|en]
      批量审核：逐份检查（文件夹中的 .xlsx 和 .docx），生成汇总工作簿（按问题严重程度排序）和问题明细
`;

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  check: cmdCheck,
  fill: cmdFill,
  annotate: cmdAnnotate,
  template: cmdTemplate,
  roll: cmdRoll,
  review: cmdReview,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${command}: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`${command}: ${(e as Error).message}`);
    return 2;
  }
}

if (require.main === module) {
  const io: Io = {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
    isTTY: !!process.stdout.isTTY,
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
