/** Helpers shared by the OpenAPI description's path objects. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: object) => ({ 'application/json': { schema } });
export const errors = {
  '401': { description: 'Not signed in (NOT_SIGNED_IN).', content: json(ref('Error')) },
  '403': {
    description: 'Missing role (FORBIDDEN) or CSRF token (CSRF_REFUSED).',
    content: json(ref('Error')),
  },
};
export const ok = (description: string, schema: object) => ({
  '200': { description, content: json(schema) },
  ...errors,
});
export const query = (name: string, description: string, format?: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string', ...(format ? { format } : {}) },
});
export const path = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
export const financeOnly = 'Finance role only.';
export const dateRange = [
  query('from', 'First day, YYYY-MM-DD.', 'date'),
  query('to', 'Last day, YYYY-MM-DD.', 'date'),
];
