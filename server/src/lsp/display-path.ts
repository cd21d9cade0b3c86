// How the server names a file to a person (the status view, a results file's messages): its
// path from the workspace folder that holds it, with forward slashes, as `check` prints paths
// from the working folder; a file outside every folder keeps its full path.

import * as path from 'node:path';

export function displayPathIn(folders: readonly string[]): (file: string) => string {
  const roots = folders.map((f) => path.resolve(f));
  return (file) => {
    for (const root of roots) {
      const rel = path.relative(root, file);
      if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
    }
    return file.split(path.sep).join('/');
  };
}
