// The webhooks module's problems in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  webhook_url_refused: {
    th: 'ใช้ที่อยู่นี้รับ webhook ไม่ได้ ({reason}): ต้องเป็น http(s) ที่เข้าถึงได้จากอินเทอร์เน็ต ไม่ใช่ที่อยู่ภายในหรือเครือข่ายส่วนตัว',
    zh: '该地址不能接收 webhook（{reason}）：必须是可从互联网访问的 http(s) 地址，不能是内网或本机地址',
    en: 'This address cannot receive webhooks ({reason}): it must be an http(s) address reachable from the internet, not a private or local one',
  },
  webhook_topics_invalid: {
    th: 'เลือกหัวข้ออย่างน้อยหนึ่งหัวข้อจากรายการ',
    zh: '请从列表中至少选择一个主题',
    en: 'Choose at least one topic from the list',
  },
  webhook_endpoint_disabled: {
    th: 'ปลายทางนี้ถูกปิดอยู่ เปิดใช้งานก่อนส่งซ้ำ',
    zh: '该端点已停用，请先启用再重新发送',
    en: 'This endpoint is disabled: enable it before replaying',
  },
});
