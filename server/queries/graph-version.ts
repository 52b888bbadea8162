import type { QueryRunner } from '../graph/query-runner.js';

/** Articles per ingest root (each article keeps the root its file was found under). */
export const ARTICLES_BY_ROOT = `
MATCH (a:Article) WHERE a.stub IS NULL
RETURN a.root AS root, count(*) AS articles
ORDER BY articles DESC, root`;

export interface FolderCount {
  /** The last part of the root's path: the server does not hand out its file system's layout. */
  name: string | null;
  articles: number;
}

export async function readFolders(tx: QueryRunner): Promise<FolderCount[]> {
  const { records } = await tx.run(ARTICLES_BY_ROOT);
  return records.map((record) => {
    const root = record.get('root') as string | null;
    return {
      name: root === null ? null : (root.split(/[\\/]/).filter(Boolean).at(-1) ?? root),
      articles: record.get('articles') as number,
    };
  });
}
