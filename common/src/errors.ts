/**
 * Every error the API can return. The server throws `AppError(code, details)`; one handler turns it into
 * `{ error: { code, message, details, requestId } }` with the Chinese message below (English is the second
 * language, chosen by `Accept-Language`). The web app shows `message` as is, so it must tell a person what to do.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请按提示修改后重试', en: 'The input is invalid' },
  MALFORMED_JSON: {
    status: 400,
    zh: '请求格式错误，无法解析提交的数据',
    en: 'The request body is not valid JSON',
  },
  WEAK_PASSWORD: {
    status: 400,
    zh: '密码强度不足：至少 8 位，且包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名',
    en: 'Password too weak',
  },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'Current password is wrong' },
  PASSWORD_REUSED: { status: 400, zh: '新密码不能与当前密码相同', en: 'New password equals the current one' },
  IMPORT_INVALID: {
    status: 400,
    zh: '导入文件中有错误行，未导入任何数据，请按错误说明修改后重新导入',
    en: 'The file has invalid rows; nothing was imported',
  },
  FILE_INVALID: {
    status: 400,
    zh: '无法读取上传的文件，请上传 Excel（.xlsx）文件',
    en: 'The uploaded file is not a readable .xlsx file',
  },
  DOCX_INVALID: {
    status: 400,
    zh: '无法读取上传的文件，请上传 Word（.docx）文件',
    en: 'The uploaded file is not a readable .docx file',
  },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, zh: '登录已超时（30 分钟无操作），请重新登录', en: 'Session expired' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '首次登录须先修改初始密码，请到“我的账号”修改',
    en: 'Change your initial password first',
  },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系系统管理员', en: 'Account disabled' },
  NOT_FOUND: { status: 404, zh: '未找到该记录，或您无权查看', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '请求的接口不存在', en: 'No such endpoint' },
  VERSION_CONFLICT: {
    status: 409,
    zh: '该记录已被他人修改，请刷新后再试',
    en: 'The record was changed by someone else',
  },
  WRONG_STATE: {
    status: 409,
    zh: '当前状态下不能执行此操作，请刷新后查看最新状态',
    en: 'Not possible in the current state',
  },
  DEADLINE_PASSED: { status: 409, zh: '已超过办理期限，不能再执行此操作', en: 'The deadline has passed' },
  ALREADY_RATED: {
    status: 409,
    zh: '该提案人已对本轮答复作出评价，每轮只能评价一次',
    en: 'This proposer has already rated the reply of this round',
  },
  REHANDLE_NOT_ALLOWED: {
    status: 409,
    zh: '只有领衔提案人对第一轮答复评价为“不满意”后，才能安排重新办理',
    en: 'Re-handling needs a dissatisfied rating of the first reply by the lead proposer',
  },
  CLOSE_NOT_ALLOWED: {
    status: 409,
    zh: '只有重新办理后领衔提案人仍“不满意”时，才能在协商后办结',
    en: 'Closing after consultation needs a dissatisfied rating of the second reply',
  },
  DUPLICATE: { status: 409, zh: '已存在相同的记录', en: 'A record with the same key exists' },
  IN_USE: { status: 409, zh: '该记录正被其他数据引用，不能删除', en: 'The record is referenced elsewhere' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大，请缩小后重试', en: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的提交格式', en: 'Unsupported media type' },
  ACCOUNT_LOCKED: {
    status: 429,
    zh: '连续登录失败 5 次，账号已锁定 15 分钟，请稍后再试',
    en: 'Account locked for 15 minutes',
  },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many requests' },
  ATTACHMENT_TYPE: {
    status: 415,
    zh: '附件类型不受支持，或文件内容与扩展名不符：只能上传 PDF、Word（.docx/.doc）、Excel（.xlsx/.xls）、OFD、JPEG、PNG 或纯文本（.txt）文件',
    en: 'Unsupported attachment type, or the content does not match the file extension',
  },
  SCAN_TYPE: {
    status: 415,
    zh: '盖章扫描件只能是 PDF、JPEG 或 PNG 文件，且文件内容须与扩展名相符',
    en: 'A scanned signed copy must be a PDF, JPEG or PNG file',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    zh: '文件超过单个附件的大小上限，请压缩或拆分后重新上传',
    en: 'The file exceeds the size limit of one attachment',
  },
  ATTACHMENT_LIMIT: {
    status: 409,
    zh: '附件数量已达上限，请先删除不需要的附件再上传',
    en: 'The maximum number of attachments is reached',
  },
  ATTACHMENT_EMPTY: {
    status: 400,
    zh: '没有收到文件内容，请选择要上传的文件（文件不能为空）',
    en: 'No file content was received',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后重试或联系系统管理员', en: 'Internal error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId: string };
}

/** One problem with one field (or one row of an imported file). */
export interface FieldIssue {
  path: string;
  message: string;
}
