// The one academy message the shop page shows (its badges), apart from the academy's own pages so
// that the storefront's bundle does not carry the whole academy catalogue.
import { defineMessages } from '../app/i18n.ts';

defineMessages({
  'academy.badges.title': ['หลักสูตรที่ผ่านแล้ว', '已完成的课程', 'Courses completed'],
});
