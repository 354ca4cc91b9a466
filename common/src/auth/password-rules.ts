/**
 * Password complexity as 等保 2.0 level 3 expects: at least 8 characters, at least three of the four
 * character classes, and not containing the username. Shared so the form and the server agree.
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('至少 8 位');
  if (password.length > 128) problems.push('不超过 128 位');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('不能包含用户名');
  return problems;
}
