// The train-the-trainer course: passing its quiz issues a credential, and an unrevoked one makes the
// holder a certified trainer who may open cohorts at community digital centres (cohorts.ts).
import type { Course } from './course.ts';

export const TRAINER_COURSE_ID = 'train-the-trainer';

const TF = [
  { id: 'true', text: { th: 'จริง', zh: '对', en: 'True' } },
  { id: 'false', text: { th: 'เท็จ', zh: '错', en: 'False' } },
];

export const trainerCourse: Course = {
  id: TRAINER_COURSE_ID,
  title: {
    th: 'หลักสูตรวิทยากรตัวคูณ: สอน SMEs 4.0 ที่ศูนย์ดิจิทัลชุมชน',
    zh: '培训师培训：在社区数字中心讲授 SMEs 4.0',
    en: 'Train the trainer: teaching SMEs 4.0 at a community digital centre',
  },
  summary: {
    th: 'เปิดรุ่นอบรมที่ศูนย์ ดูแลผู้เรียนในห้อง เช็กชื่อด้วย QR และติดตามความก้าวหน้าของรุ่น',
    zh: '在中心开班、带领课堂学员、用二维码签到并跟踪本班进度',
    en: 'Open a cohort at a centre, lead learners in the room, take attendance by QR and follow the cohort’s progress',
  },
  prerequisites: ['sme-4-0-selling-online'],
  modules: [
    {
      id: 't1',
      title: { th: 'การเตรียมรุ่นอบรม', zh: '开班准备', en: 'Preparing a cohort' },
      lessons: [
        {
          id: 'plan-cohort',
          minutes: 20,
          title: {
            th: 'วางแผนรุ่นและเลือกบทเรียน',
            zh: '规划班级与选择课程模块',
            en: 'Planning a cohort and choosing modules',
          },
          body: {
            th: 'เลือกศูนย์ดิจิทัลชุมชนที่ผู้เรียนเดินทางถึงได้ กำหนดวันเริ่มและวันจบ เลือกทั้งหลักสูตรหรือเฉพาะบางหน่วย เช่น "ขายไปจีน" สำหรับร้านที่มีสินค้าพร้อมแล้ว จำนวนผู้เรียนต้องไม่เกินที่นั่งของศูนย์',
            zh: '选择学员方便到达的社区数字中心，确定开始和结束日期，选择整门课程或部分模块（例如为已有商品的店铺只选“向中国销售”）。学员人数不得超过中心座位数。',
            en: 'Pick a community digital centre your learners can reach, set the start and end dates, and take the whole course or only some modules (e.g. "Selling to China" for shops whose products are ready). Enrolment never exceeds the centre’s seats.',
          },
        },
        {
          id: 'room-session',
          minutes: 25,
          title: {
            th: 'สอนในห้องและเช็กชื่อด้วย QR',
            zh: '课堂教学与二维码签到',
            en: 'Teaching in the room and QR attendance',
          },
          body: {
            th: 'เปิดคาบเรียนแล้วแสดง QR บนจอ รหัสเปลี่ยนทุก 30 วินาทีจึงถ่ายรูปส่งต่อให้คนที่ไม่ได้มาไม่ได้ ผู้ที่มาสายยังสแกนรหัสที่แสดงอยู่ได้ และรหัสที่สแกนแล้วยังใช้ได้อีก 10 นาทีเมื่อสัญญาณอินเทอร์เน็ตช้า การสแกนซ้ำนับครั้งเดียว',
            zh: '开始课时后在屏幕上显示二维码。二维码每 30 秒更换一次，拍照转发给缺席者无效。迟到者仍可扫描当前显示的二维码；网络慢时，扫到的二维码在 10 分钟内仍有效。重复扫描只记一次。',
            en: 'Open the session and show the QR code on the screen. It changes every 30 seconds, so a photo forwarded to someone absent does not work. Late arrivals scan the code on screen, and a scanned code still counts for 10 minutes on a slow connection. Scanning twice counts once.',
          },
        },
      ],
    },
    {
      id: 't2',
      title: { th: 'ติดตามผลและความเป็นส่วนตัว', zh: '跟进与隐私', en: 'Following up and privacy' },
      lessons: [
        {
          id: 'follow-progress',
          minutes: 15,
          title: { th: 'อ่านตารางความก้าวหน้าของรุ่น', zh: '查看班级进度表', en: 'Reading the cohort’s progress table' },
          body: {
            th: 'ตารางแสดงบทเรียนที่เรียนจบ คะแนนสูงสุด ผลสอบ และการเข้าเรียนของผู้เรียนแต่ละคน คะแนนเป็นข้อมูลส่วนบุคคล: เห็นได้เฉพาะผู้เรียนเอง วิทยากรของรุ่น และผู้ดูแลสถาบัน เจ้าหน้าที่ศูนย์เห็นรายชื่อและการเข้าเรียนแต่ไม่เห็นคะแนน',
            zh: '进度表显示每位学员完成的课时、最高分、是否通过和出勤情况。成绩属于个人数据：只有学员本人、本班培训师和学院管理员可见。中心工作人员可见名单和出勤，但看不到成绩。',
            en: 'The table shows each learner’s lessons done, best score, pass and attendance. Grades are personal data: only the learner, the cohort’s trainer and academy operators see them. Centre staff see the roster and attendance, not grades.',
          },
        },
      ],
    },
  ],
  quiz: {
    id: 'quiz-train-the-trainer',
    draw: { cohort: 2, attendance: 2, privacy: 1 },
    passPercent: 80,
    maxAttempts: 3,
    bank: [
      {
        id: 'tq-cohort-1',
        category: 'cohort',
        kind: 'true_false',
        text: {
          th: 'รุ่นอบรมรับผู้เรียนได้มากกว่าที่นั่งของศูนย์',
          zh: '班级可以招收超过中心座位数的学员',
          en: 'A cohort may enrol more learners than the centre has seats',
        },
        options: TF,
        correct: ['false'],
        feedback: {
          th: 'ไม่ได้ จำนวนผู้เรียนไม่เกินที่นั่งของศูนย์',
          zh: '不可以，学员人数不超过中心座位数',
          en: 'No: enrolment never exceeds the centre’s seats',
        },
      },
      {
        id: 'tq-cohort-2',
        category: 'cohort',
        kind: 'single',
        text: {
          th: 'ร้านที่มีสินค้าพร้อมแล้วและอยากขายไปจีน ควรเปิดรุ่นแบบใด',
          zh: '已有商品、想向中国销售的店铺，应开设怎样的班级？',
          en: 'For shops with products ready that want to sell to China, which cohort fits?',
        },
        options: [
          { id: 'a', text: { th: 'ทั้งหลักสูตรเท่านั้น', zh: '只能整门课程', en: 'The whole course only' } },
          {
            id: 'b',
            text: {
              th: 'เลือกเฉพาะหน่วย "ขายไปจีน"',
              zh: '只选“向中国销售”模块',
              en: 'Only the "Selling to China" module',
            },
          },
          { id: 'c', text: { th: 'ไม่ต้องเปิดรุ่น', zh: '不必开班', en: 'No cohort' } },
        ],
        correct: ['b'],
        feedback: {
          th: 'รุ่นเลือกบางหน่วยของหลักสูตรได้',
          zh: '班级可以只选课程的部分模块',
          en: 'A cohort can take part of a course',
        },
      },
      {
        id: 'tq-cohort-3',
        category: 'cohort',
        kind: 'short',
        text: {
          th: 'ศูนย์ที่เปิดรุ่นอบรมเรียกว่าศูนย์ดิจิทัลอะไร (คำเดียว)',
          zh: '开班的场所叫什么数字中心？（用一个词：社区）',
          en: 'Cohorts meet at a ___ digital centre (one word)',
        },
        correct: ['ชุมชน', '社区', 'community'],
        feedback: {
          th: 'ศูนย์ดิจิทัลชุมชน',
          zh: '社区数字中心',
          en: 'Community digital centre',
        },
      },
      {
        id: 'tq-att-1',
        category: 'attendance',
        kind: 'single',
        text: {
          th: 'รหัส QR เช็กชื่อเปลี่ยนบ่อยแค่ไหน',
          zh: '签到二维码多久更换一次？',
          en: 'How often does the check-in QR code change?',
        },
        options: [
          { id: 'a', text: { th: 'ทุก 30 วินาที', zh: '每 30 秒', en: 'Every 30 seconds' } },
          { id: 'b', text: { th: 'วันละครั้ง', zh: '每天一次', en: 'Once a day' } },
          { id: 'c', text: { th: 'ไม่เปลี่ยน', zh: '从不更换', en: 'Never' } },
        ],
        correct: ['a'],
        feedback: {
          th: 'ทุก 30 วินาที ถ่ายรูปส่งต่อจึงใช้ไม่ได้',
          zh: '每 30 秒一次，所以拍照转发无效',
          en: 'Every 30 seconds, so a forwarded photo does not work',
        },
      },
      {
        id: 'tq-att-2',
        category: 'attendance',
        kind: 'true_false',
        text: {
          th: 'ผู้เรียนที่สแกนซ้ำสองครั้งจะถูกนับเข้าเรียนสองครั้ง',
          zh: '学员扫描两次会被记两次出勤',
          en: 'A learner who scans twice is counted present twice',
        },
        options: TF,
        correct: ['false'],
        feedback: { th: 'การสแกนซ้ำนับครั้งเดียว', zh: '重复扫描只记一次', en: 'Scanning twice counts once' },
      },
      {
        id: 'tq-att-3',
        category: 'attendance',
        kind: 'true_false',
        text: {
          th: 'ผู้ที่มาสายยังเช็กชื่อได้โดยสแกนรหัสที่แสดงอยู่',
          zh: '迟到者扫描当前显示的二维码仍可签到',
          en: 'A late arrival can still check in by scanning the code on screen',
        },
        options: TF,
        correct: ['true'],
        feedback: {
          th: 'ได้ และระบบบันทึกว่ามาสาย',
          zh: '可以，系统会记为迟到',
          en: 'Yes, and it is recorded as late',
        },
      },
      {
        id: 'tq-priv-1',
        category: 'privacy',
        kind: 'multiple',
        text: {
          th: 'ใครเห็นคะแนนของผู้เรียนได้บ้าง',
          zh: '谁可以看到学员的成绩？',
          en: 'Who may see a learner’s grades?',
        },
        options: [
          { id: 'a', text: { th: 'ผู้เรียนเอง', zh: '学员本人', en: 'The learner' } },
          { id: 'b', text: { th: 'วิทยากรของรุ่น', zh: '本班培训师', en: 'The cohort’s trainer' } },
          { id: 'c', text: { th: 'ผู้ดูแลสถาบัน', zh: '学院管理员', en: 'Academy operators' } },
          { id: 'd', text: { th: 'เจ้าหน้าที่ศูนย์', zh: '中心工作人员', en: 'Centre staff' } },
        ],
        correct: ['a', 'b', 'c'],
        feedback: {
          th: 'ผู้เรียน วิทยากรของรุ่น และผู้ดูแลสถาบันเท่านั้น',
          zh: '只有学员、本班培训师和学院管理员',
          en: 'Only the learner, the cohort’s trainer and academy operators',
        },
      },
      {
        id: 'tq-priv-2',
        category: 'privacy',
        kind: 'true_false',
        text: {
          th: 'เจ้าหน้าที่ศูนย์เห็นรายชื่อและการเข้าเรียนของรุ่นที่ศูนย์ของตน',
          zh: '中心工作人员可以看到本中心班级的名单和出勤',
          en: 'Centre staff see the roster and attendance of cohorts at their centre',
        },
        options: TF,
        correct: ['true'],
        feedback: {
          th: 'เห็นรายชื่อและการเข้าเรียน แต่ไม่เห็นคะแนน',
          zh: '可以看到名单和出勤，但看不到成绩',
          en: 'Roster and attendance, yes; grades, no',
        },
      },
    ],
  },
};
