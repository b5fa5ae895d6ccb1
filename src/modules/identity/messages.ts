// Identity's problem messages in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  invalid_credentials: {
    th: 'อีเมล/เบอร์โทรศัพท์ หรือรหัสผ่านไม่ถูกต้อง',
    zh: '邮箱/手机号或密码不正确',
    en: 'The email/phone number or password is not correct',
  },
  account_exists: {
    th: 'มีบัญชีที่ใช้อีเมลหรือเบอร์โทรศัพท์นี้แล้ว กรุณาเข้าสู่ระบบ',
    zh: '此邮箱或手机号已注册，请直接登录',
    en: 'An account with this email or phone number already exists; please sign in',
  },
});
