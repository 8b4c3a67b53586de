// The four levels in ascending order: the preview's columns. Levels a set adds come after, in its order.
export const KNOWN_LEVELS = ['研究实习员', '助理研究员', '副研究员', '研究员'] as const;

export function levelOrder(names: string[]): string[] {
	const rank = (n: string) => {
		const i = (KNOWN_LEVELS as readonly string[]).indexOf(n);
		return i < 0 ? KNOWN_LEVELS.length : i;
	};
	return [...names].sort((a, b) => rank(a) - rank(b));
}

/** Files in reading order: the shared file first, then the levels' files by level, then the rest by name. */
export function fileOrder(paths: string[]): string[] {
	const rank = (p: string) => {
		const stem = p.replace(/^.*\//, '').replace(/\.std$/, '');
		if (stem === 'common') return -1;
		const i = (KNOWN_LEVELS as readonly string[]).indexOf(stem);
		return i < 0 ? KNOWN_LEVELS.length : i;
	};
	return [...paths].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
