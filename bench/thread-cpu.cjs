// CPU time per thread of a Node process, printed to stderr when it exits: the main thread, and the rest by
// thread name (V8's and libuv's helper threads are all called "node"). Linux only (/proc/self/task/*/stat).
// Worker threads that ended before the exit are gone from /proc: their CPU is the process's total (GNU time's
// %U + %S) minus what is listed here. Usage: node -r ./bench/thread-cpu.cjs bin/stdc.js eval … --jobs 2
const { readdirSync, readFileSync } = require('node:fs');

process.on('exit', () => {
  const ticks = 100; // USER_HZ
  const seconds = {};
  let tasks = [];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return; // not Linux
  }
  for (const task of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const name = task === String(process.pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds[name] = (seconds[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / ticks; // utime + stime
    } catch {
      // the thread ended meanwhile
    }
  }
  process.stderr.write(`thread CPU seconds: ${Object.entries(seconds).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}\n`);
});
