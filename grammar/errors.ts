// Chinese parse-error messages, built by Chevrotain through its errorMessageProvider hook.
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

export function tokenLabel(t: TokenType): string {
  if (t.name === 'EOF') return '文件结尾';
  return t.LABEL ?? t.name;
}

function found(t: IToken): string {
  return t.tokenType.name === 'EOF' ? '文件结尾' : `“${t.image}”`;
}

function firsts(paths: TokenType[][]): string {
  const labels = [...new Set(paths.filter((p) => p.length).map((p) => tokenLabel(p[0])))];
  return labels.length > 6 ? `${labels.slice(0, 6).join('、')}等` : labels.join('、');
}

export const chineseErrors: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `此处应为${tokenLabel(expected)}，实际为${found(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `无法理解从${found(firstRedundant)}开始的内容，应为一条声明（如“定义”“级别”“基本条件”）`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    return `此处应为${firsts(expectedPathsPerAlt.flat())}，实际为${found(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    return `此处至少需要一个${firsts(expectedIterationPaths)}，实际为${found(actual[0])}`;
  }
};
