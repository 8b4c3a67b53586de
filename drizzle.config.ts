import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new versioned SQL migration into drizzle/ from the schema.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle'
});
