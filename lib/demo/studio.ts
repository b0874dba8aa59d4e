/** The demo studio's cast and timetable: data only; `seed.ts` creates it through the domain functions. */

export const DEMO_PASSWORD = "scales-before-breakfast";
export const DEMO_TEACHER_EMAIL = "amelia@demo.musbook.app";

export interface DemoPerson {
  key: string;
  role: "teacher" | "student";
  name: string;
  email: string;
  timezone: string;
  instruments: string[];
  phone?: string;
  bio?: string;
}

export const demoTeachers: DemoPerson[] = [
  {
    key: "amelia",
    role: "teacher",
    name: "Amelia Hart",
    email: DEMO_TEACHER_EMAIL,
    timezone: "Europe/London",
    instruments: ["Piano", "Music theory"],
    phone: "+44 20 7946 0321",
    bio: "Piano teacher in north London. ABRSM grades 1–8, jazz harmony for the curious.",
  },
  {
    key: "daniel",
    role: "teacher",
    name: "Daniel Okafor",
    email: "daniel@demo.musbook.app",
    timezone: "America/New_York",
    instruments: ["Guitar", "Voice"],
    phone: "+1 212 555 0187",
    bio: "Guitar and voice from Brooklyn. Fingerstyle, songwriting and audition prep.",
  },
];

export const demoStudents: DemoPerson[] = [
  { key: "leo", name: "Leo Fitzgerald", timezone: "Europe/London", instruments: ["Piano"] },
  { key: "priya", name: "Priya Raman", timezone: "Asia/Kolkata", instruments: ["Piano"] },
  { key: "sofia", name: "Sofia Marchetti", timezone: "Europe/Paris", instruments: ["Piano", "Voice"] },
  { key: "oliver", name: "Oliver Brandt", timezone: "Europe/Berlin", instruments: ["Piano"] },
  { key: "grace", name: "Grace Thompson", timezone: "Europe/London", instruments: ["Piano"] },
  { key: "maya", name: "Maya Chen", timezone: "America/Toronto", instruments: ["Piano", "Guitar"] },
  { key: "jack", name: "Jack Wilson", timezone: "Australia/Sydney", instruments: ["Guitar"] },
  { key: "isabella", name: "Isabella Cruz", timezone: "America/Los_Angeles", instruments: ["Voice"] },
  { key: "noah", name: "Noah Williams", timezone: "America/New_York", instruments: ["Guitar"] },
  { key: "hana", name: "Hana Sato", timezone: "Asia/Tokyo", instruments: ["Guitar", "Voice"] },
].map((student) => ({ ...student, role: "student" as const, email: `${student.key}@demo.musbook.app` }));

export interface DemoSlot {
  teacher: string;
  student: string;
  /** 1 = Monday … 7 = Sunday, in the teacher's zone. */
  weekday: number;
  /** Wall-clock start in the teacher's zone. */
  time: string;
  minutes: number;
  location: string;
  /** Who asked for the weekly lessons; the other side approved. */
  requestedBy: "teacher" | "student";
  /** Afterwards the teacher books this student's lessons directly. */
  bookDirectly?: boolean;
}

export const demoRoster: DemoSlot[] = [
  {
    teacher: "amelia",
    student: "leo",
    weekday: 1,
    time: "16:00",
    minutes: 45,
    location: "Studio, 14 Elm Row",
    requestedBy: "teacher",
    bookDirectly: true,
  },
  {
    teacher: "amelia",
    student: "priya",
    weekday: 1,
    time: "17:00",
    minutes: 60,
    location: "https://meet.example.com/amelia-priya",
    requestedBy: "student",
  },
  {
    teacher: "amelia",
    student: "sofia",
    weekday: 2,
    time: "16:30",
    minutes: 45,
    location: "https://meet.example.com/amelia-sofia",
    requestedBy: "student",
  },
  {
    teacher: "amelia",
    student: "oliver",
    weekday: 3,
    time: "17:00",
    minutes: 60,
    location: "https://meet.example.com/amelia-oliver",
    requestedBy: "teacher",
  },
  { teacher: "amelia", student: "grace", weekday: 4, time: "18:00", minutes: 30, location: "Studio, 14 Elm Row", requestedBy: "teacher" },
  {
    teacher: "amelia",
    student: "maya",
    weekday: 6,
    time: "15:00",
    minutes: 45,
    location: "https://meet.example.com/amelia-maya",
    requestedBy: "student",
  },
  {
    teacher: "daniel",
    student: "maya",
    weekday: 6,
    time: "13:00",
    minutes: 60,
    location: "https://meet.example.com/daniel-maya",
    requestedBy: "teacher",
  },
  {
    teacher: "daniel",
    student: "jack",
    weekday: 1,
    time: "17:00",
    minutes: 45,
    location: "https://meet.example.com/daniel-jack",
    requestedBy: "student",
  },
  {
    teacher: "daniel",
    student: "isabella",
    weekday: 2,
    time: "17:00",
    minutes: 60,
    location: "https://meet.example.com/daniel-isabella",
    requestedBy: "teacher",
  },
  {
    teacher: "daniel",
    student: "noah",
    weekday: 3,
    time: "16:00",
    minutes: 45,
    location: "Brooklyn studio, 88 Bergen St",
    requestedBy: "student",
  },
  {
    teacher: "daniel",
    student: "hana",
    weekday: 4,
    time: "19:00",
    minutes: 45,
    location: "https://meet.example.com/daniel-hana",
    requestedBy: "teacher",
  },
];

export const demoInviteMessages: Record<string, string> = {
  "amelia:leo": "Welcome to the studio, Leo! Lessons and changes will all be here.",
  "daniel:hana": "Great to meet you at the workshop. Let's set up weekly lessons.",
};

export const demoNotes: Record<string, string[]> = {
  "amelia:leo": ["Tends to rush semiquavers when nervous. Metronome work helps.", "Parents asked about Grade 3 in spring."],
  "amelia:priya": ["Strong ear; reading lags behind. Keep pieces slightly below her playing level for sight-reading."],
  "amelia:maya": ["Grade 5 exam coming up. Focus on aural and sight-reading."],
  "daniel:maya": ["Left-hand strength improving. Consider moving to a lighter string gauge."],
  "daniel:isabella": ["Chest voice strong; work on the passaggio gently."],
};

/** Invitations still waiting for an answer, to addresses with no account yet. */
export const demoOpenInvitations: { teacher: string; email: string; message?: string }[] = [
  { teacher: "amelia", email: "ruby.adams@example.com", message: "Looking forward to our trial lesson!" },
  { teacher: "daniel", email: "sam.park@example.com" },
];

export const demoAttendanceCycle = ["present", "present", "present", "late", "present", "present", "absent", "present", "excused"] as const;

export interface DemoConversation {
  teacher: string;
  student: string;
  /** Oldest first; `minutesAgo` counts back from the seed's "now". */
  messages: { from: "teacher" | "student"; minutesAgo: number; body: string }[];
  /** Who has read everything; the others keep it unread (with a grouped notification in the bell). */
  readBy: ("teacher" | "student")[];
}

export const demoConversations: DemoConversation[] = [
  {
    teacher: "amelia",
    student: "leo",
    messages: [
      {
        from: "student",
        minutesAgo: 2 * 24 * 60,
        body: "Hi Amelia, should I bring the Grade 5 book next lesson or just the recital pieces?",
      },
      { from: "teacher", minutesAgo: 2 * 24 * 60 - 25, body: "Bring the Grade 5 book, please. We'll run the recital pieces at the end." },
      { from: "student", minutesAgo: 2 * 24 * 60 - 30, body: "Great, thanks!" },
    ],
    readBy: ["teacher", "student"],
  },
  {
    teacher: "amelia",
    student: "priya",
    messages: [
      { from: "teacher", minutesAgo: 26 * 60, body: "Running 10 minutes late today, sorry! Same link as always." },
      { from: "student", minutesAgo: 26 * 60 - 2, body: "No problem, I'll warm up with scales in the meantime." },
    ],
    readBy: ["teacher", "student"],
  },
  {
    teacher: "amelia",
    student: "oliver",
    messages: [
      {
        from: "teacher",
        minutesAgo: 20 * 60,
        body: "Lovely work on the Bach yesterday.\nThis week: left hand alone at 60 bpm, then hands together at 72.",
      },
      { from: "student", minutesAgo: 19 * 60, body: "Will do, the metronome is already on 60." },
    ],
    readBy: ["teacher", "student"],
  },
  {
    teacher: "amelia",
    student: "sofia",
    messages: [
      { from: "student", minutesAgo: 3 * 60, body: "Sorry again about missing the lesson. Could you send me the warm-up exercises?" },
      { from: "student", minutesAgo: 2 * 60, body: "And is the concert piece still the Chopin nocturne?" },
    ],
    readBy: ["student"],
  },
  {
    teacher: "amelia",
    student: "grace",
    messages: [
      { from: "student", minutesAgo: 5 * 60, body: "I've asked to start half an hour later next week, netball runs late." },
      { from: "teacher", minutesAgo: 4 * 60, body: "16:30 works for me. I'll approve it in the app tonight." },
    ],
    readBy: ["teacher"],
  },
  {
    teacher: "daniel",
    student: "noah",
    messages: [{ from: "student", minutesAgo: 90, body: "Can we move this week's lesson? Band practice ran over again." }],
    readBy: ["student"],
  },
];

export interface DemoAssignment {
  teacher: string;
  student: string;
  title: string;
  instructions?: string;
  /** Days from today on the teacher's calendar; negative is overdue. */
  dueInDays?: number;
  dueTime?: string;
  /** Set after the student's last lesson, and attached to it. */
  fromLastLesson?: boolean;
  done?: { daysAgo: number; note?: string };
}

export const demoAssignments: DemoAssignment[] = [
  {
    teacher: "amelia",
    student: "leo",
    title: "Scales: G and D major, hands together",
    instructions:
      "Two octaves, crotchet = 80, then 96 once it is even.\nListen to the model recording first: https://example.com/scales/g-and-d-major",
    dueInDays: 3,
    dueTime: "18:00",
    fromLastLesson: true,
  },
  {
    teacher: "amelia",
    student: "leo",
    title: "Minuet in G: bars 1–16, left hand alone",
    instructions: "Slowly, with the fingering we pencilled in. Count out loud.",
    dueInDays: -2,
  },
  {
    teacher: "amelia",
    student: "leo",
    title: "Clementi Sonatina op. 36 no. 1, first movement",
    dueInDays: -9,
    done: { daysAgo: 10, note: "The Alberti bass is much smoother now!" },
  },
  {
    teacher: "amelia",
    student: "maya",
    title: "Grade 5 aural: sing back short melodies",
    instructions: "Ten minutes a day with the app exercises, sets 4 to 6.",
    dueInDays: 5,
    dueTime: "17:00",
  },
  { teacher: "amelia", student: "maya", title: "Sight-reading: one new piece a day", dueInDays: -1 },
  {
    teacher: "amelia",
    student: "priya",
    title: "Sight-reading book, level 2, pages 10–12",
    instructions: "Keep going, don't stop for mistakes.",
    dueInDays: 4,
  },
  { teacher: "amelia", student: "sofia", title: "Für Elise: learn the B section", dueInDays: -6, done: { daysAgo: 7 } },
  { teacher: "amelia", student: "oliver", title: "Arpeggios in C, G and F", dueInDays: 10 },
  {
    teacher: "daniel",
    student: "maya",
    title: "Barre chords: F to B♭ changes",
    instructions: "One minute of changes, count them, and note your best.",
    dueInDays: 2,
    dueTime: "19:00",
  },
  { teacher: "daniel", student: "noah", title: "Twelve-bar blues in A, with the shuffle", dueInDays: 6 },
];

/** Weekly practice goals (minutes) teachers set per student. */
export const demoPracticeGoals: Record<string, number> = { "amelia:leo": 120, "amelia:maya": 150, "daniel:maya": 90 };

/** Minutes practised per day, oldest first, ending yesterday; zero is a day off. */
export const demoPractice: Record<string, number[]> = {
  "amelia:leo": [20, 0, 25, 30, 0, 15, 20, 20, 25, 0, 30, 20, 15, 0, 25, 20, 30, 0, 20, 25, 30],
  "amelia:maya": [30, 30, 0, 45, 30, 20, 0, 30, 40, 30, 0, 35, 30, 30],
  "daniel:maya": [15, 0, 20, 0, 15, 20, 0, 20, 15],
  "amelia:priya": [0, 20, 0, 0, 25, 0, 15],
};
