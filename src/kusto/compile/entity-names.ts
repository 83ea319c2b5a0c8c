// Kusto's identifier rules for generated column names (schema-entities/entity-names.md, identifier naming rules).

const allowed = /^[\p{L}\p{N}_ .-]{1,1024}$/u;

/** Why `name` is not a valid Kusto identifier, or undefined when it is: 1 to 1024 letters, digits, `_`, space, `.`, `-`. */
export function invalidEntityName(name: string): string | undefined {
  if (name.length === 0) return "an empty name";
  if (name.length > 1024) return `a name of ${name.length} characters (at most 1024)`;
  if (!allowed.test(name)) return "a character other than letters, digits, _, space, . and -";
  return undefined;
}
