// The impact page compares the editor's draft (in the browser) with the set as it is on the server, on the
// set's samples: it needs the same files and samples the editor starts from.
export { load } from '../edit/+page.server';
