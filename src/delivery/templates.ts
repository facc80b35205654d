// URL templates: a service's push URL (and fetch URL) with `{node}` standing for each node's
// name. Node names are letters, digits and `. - _ :` (node-list.ts), so each is one path
// segment or host label as it is; it is still percent-encoded, in case a template puts it in a
// query.

/** The placeholder a template may hold, any number of times. */
export const nodePlaceholder = '{node}';

/**
 * The template with every `{node}` replaced by the node's name, percent-encoded.
 *
 * @example
 * expandTemplate('https://{node}.acme.internal/meridian', 'web-1'); // 'https://web-1.acme.internal/meridian'
 */
export function expandTemplate(template: string, node: string): string {
  return template.replaceAll(nodePlaceholder, encodeURIComponent(node));
}
