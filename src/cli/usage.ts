// What `stdc` says about its own use: the usage text and the error that prints it. A module of its own so that
// main.ts can load each verb's module only when that verb runs (a cold `stdc check` loads no crypto, no workers).
export const VERIFY_USAGE = '  stdc verify <bundle.json> [--keys keys.json]  验证发布的 bundle：内容哈希与两局的 Ed25519 签名';
export const DIFF_USAGE = '  stdc diff <旧版本> <新版本> <申请人> [--format table|json|csv] [--level 副研究员]  比较两个版本：标准变更清单、结论变化及原因';
export const NEAREST_USAGE = '  stdc nearest <标准> <申请人> [--level 副研究员] [--format table|json|csv]  未通过者最少需新增哪些业绩方可通过';

export const USAGE = `用法（usage）:
  stdc check <文件或目录>...                 检查标准文件，输出诊断（path:line:col: error CODE: message）
  stdc build <目录> -o bundle.json           编译为 JSON Logic bundle
  stdc eval <目录或bundle.json> <申请人.json|.ndjson|-> [--format table|json|csv] [--codes] [--level 副研究员] [--explain] [--jobs N]
  stdc test <目录>                           运行标准目录下 samples/ 中的预期结果
  stdc fmt <文件或目录>... [--check] [--names zh]  格式化标准文件（--check 只检查不写入；--names zh 把字段与取值的代码改写为中文名称）
  stdc pull <服务器> <年度> -o <目录>         取回已发布的标准集源文件并核对内容哈希
${VERIFY_USAGE}
${DIFF_USAGE}
${NEAREST_USAGE}
退出码：0 成功；1 有错误（诊断错误、被拒记录、测试失败）；2 用法错误或标准无法编译`;

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}
