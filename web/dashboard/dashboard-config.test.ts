import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSemanticModel } from '../../semantic-layer/validate/validate-semantic-model.ts';
import { dashboardFileFor, loadDashboardConfig } from './dashboard-config.ts';

const modelDir = path.join(import.meta.dirname, '../../semantic-layer/models');

describe('the shipped dashboard configuration', () => {
  it('sits beside the model folder and names only members of the shipped model', () => {
    const file = dashboardFileFor(modelDir);
    expect(file).toBe(path.join(import.meta.dirname, '../../semantic-layer/dashboard.yaml'));
    const config = loadDashboardConfig(file, loadSemanticModel(modelDir));
    expect(config.kpis).toHaveLength(6);
    expect(config.insights.max).toBe(5);
  });

  it('says which file could not be read', () => {
    expect(() =>
      loadDashboardConfig('/nonexistent/dashboard.yaml', loadSemanticModel(modelDir)),
    ).toThrowError(/The dashboard configuration \/nonexistent\/dashboard.yaml cannot be read/);
  });
});
