/** `?, ?, ?` for an IN list of `count` bound values (SQLite binds no arrays). */
export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');
