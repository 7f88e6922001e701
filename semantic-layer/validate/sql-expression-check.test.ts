import { describe, expect, it } from 'vitest';
import { columnReferences, derivedExpressionProblem, expressionProblem } from './sql-expression-check.ts';

describe('columnReferences', () => {
  it.each([
    ['net_amount', ['net_amount']],
    ['0 - net_debit_amount', ['net_debit_amount']],
    ["case when status = 'open' then amount else 0 end", ['status', 'amount']],
    ["date_trunc('month', order_date)", ['order_date']],
    ['extract(year from order_date)', ['order_date']],
    ['cast(quantity as double precision) * unit_price', ['quantity', 'unit_price']],
    ['quantity::double * 1e3', ['quantity']],
    ["coalesce(city, 'Order from order_lines')", ['city']],
  ])('%s reads %j', (sql, columns) => {
    expect(columnReferences(sql)).toEqual(columns);
  });
});

describe('expressionProblem', () => {
  it.each([
    ['net_amount', undefined],
    ["case when a = 'x;y' then 1 end", undefined],
    ['a; drop table t', 'holds ";"'],
    ['a -- comment', 'holds a comment'],
    ['(select max(a) from t)', 'uses "select"'],
    ['sum(a', 'unclosed "("'],
    ['a)', '")" without'],
    ["'open", 'unclosed string'],
    ['"Weird Column"', 'double-quoted identifier'],
  ])('%s', (sql, problem) => {
    const found = expressionProblem(sql);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});

describe('derivedExpressionProblem', () => {
  it.each([
    ['revenue - refund_amount', ['revenue', 'refund_amount'], undefined],
    ['units_sold / (units_sold + inventory_on_hand)', ['units_sold', 'inventory_on_hand'], undefined],
    ['revenue * 1.2', ['revenue'], undefined],
    ['revenue / orders', ['revenue'], 'not in its `metrics` list'],
    ['sqrt(revenue)', ['revenue'], 'not in its `metrics` list'],
    ['revenue; drop', ['revenue'], 'holds ";"'],
    ['(revenue', ['revenue'], 'unclosed'],
    ['2 * 3', ['revenue'], 'uses no metric'],
  ])('%s', (expr, metrics, problem) => {
    const found = derivedExpressionProblem(expr, metrics);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});
