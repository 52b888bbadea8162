import type { Driver } from 'neo4j-driver';
import type { FactCounts } from '../../model/index.js';

/** Facts found in the graph per ingested article, counted by relationship type. */
export async function factCountsInGraph(driver: Driver): Promise<Map<string, FactCounts>> {
  const { records } = await driver.executeQuery(`
    MATCH (a:Article) WHERE a.stub IS NULL
    RETURN a.id AS id,
      COUNT { (a)-[:HAS_KEYWORD]->() } AS keywords,
      COUNT { (a)-[:HAS_THEME]->() } AS themes,
      COUNT { (a)-[:HAS_SIGNAL]->() } AS signals,
      COUNT { (a)-[:HAS_CONCERN]->() } AS concerns,
      COUNT { (a)-[:HAS_BEHAVIOR]->() } AS behaviors,
      COUNT { (a)-[:HAS_TECHNOLOGY]->() } AS technologies,
      COUNT { (a)-[:HAS_ISSUE]->() } AS issues,
      COUNT { (a)-[:CLOSEST_TO]->() } AS closest`);
  return new Map(
    records.map((r) => [
      r.get('id') as string,
      {
        keywords: r.get('keywords'),
        themes: r.get('themes'),
        signals: r.get('signals'),
        concerns: r.get('concerns'),
        behaviors: r.get('behaviors'),
        technologies: r.get('technologies'),
        issues: r.get('issues'),
        closest: r.get('closest'),
      },
    ]),
  );
}
