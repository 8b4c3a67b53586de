// `npm run admin -- create <name>`: a real administrator on a (fresh) production database.
// The password comes from STDC_ADMIN_PASSWORD, or is asked for twice on the terminal without echo.
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { createAccount, MIN_PASSWORD_LENGTH } from '../lib/server/auth/index.ts';
import { closeStore, getDb } from '../lib/server/store.ts';
import { StoreError } from '../lib/server/errors.ts';
import { terminalInline } from '../lib/core/safe-text.ts';

const USAGE = '用法：npm run admin -- create <用户名> [--name <显示名>]\n  密码取自环境变量 STDC_ADMIN_PASSWORD，未设置时在终端输入（不回显）。\n  数据库：DATABASE_URL（PostgreSQL 服务器）或 DATA_DIR（PGlite，默认 ./data）。\n';

async function ask(prompt: string): Promise<string> {
	if (!process.stdin.isTTY) throw new StoreError('invalid', '没有终端可输入密码：请设置 STDC_ADMIN_PASSWORD');
	let muted = false;
	const output = new Writable({ write: (chunk, _enc, done) => (muted || process.stdout.write(chunk), done()) });
	const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
	process.stdout.write(prompt);
	muted = true;
	const answer = await new Promise<string>((resolve) => rl.question('', resolve));
	rl.close();
	process.stdout.write('\n');
	return answer;
}

async function password(): Promise<string> {
	const fromEnv = process.env.STDC_ADMIN_PASSWORD;
	if (fromEnv) return fromEnv;
	const first = await ask(`密码（至少 ${MIN_PASSWORD_LENGTH} 位）：`);
	const second = await ask('再输入一次：');
	if (first !== second) throw new StoreError('invalid', '两次输入的密码不一致');
	return first;
}

export async function main(argv: string[]): Promise<number> {
	const [verb, username, ...rest] = argv;
	if (verb !== 'create' || !username) {
		process.stderr.write(USAGE);
		return 2;
	}
	const nameAt = rest.indexOf('--name');
	const displayName = nameAt >= 0 ? rest[nameAt + 1] : undefined;
	try {
		const user = await createAccount(await getDb(), null, { username, displayName, role: 'admin', password: await password() });
		process.stdout.write(`已创建管理员 ${terminalInline(user.username)}\n`);
		return 0;
	} catch (e) {
		if (e instanceof StoreError) {
			process.stderr.write(`错误：${terminalInline(e.message)}\n`);
			return 1;
		}
		throw e;
	} finally {
		await closeStore();
	}
}

main(process.argv.slice(2)).then((code) => process.exit(code));
