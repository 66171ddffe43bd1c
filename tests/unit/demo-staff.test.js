// Demo staff accounts: who they are, and when they may be created at all.
const { demoStaffDecision, DEMO_STAFF } = require('../../dist/src/bootstrap/demo-staff');

describe('demo staff', () => {
  it('are created only with demo data on, and never with NODE_ENV=production', () => {
    expect(demoStaffDecision({ demoData: true, nodeEnv: 'development' })).toBe('create');
    expect(demoStaffDecision({ demoData: true, nodeEnv: 'test' })).toBe('create');
    expect(demoStaffDecision({ demoData: true, nodeEnv: undefined })).toBe('create');
    expect(demoStaffDecision({ demoData: true, nodeEnv: 'production' })).toBe('production');
    expect(demoStaffDecision({ demoData: false, nodeEnv: 'development' })).toBe('off');
    expect(demoStaffDecision({ demoData: false, nodeEnv: 'production' })).toBe('off');
  });

  it('fill every post of 教育局, 财政局, 城关镇 and the county office, and one county-wide office account', () => {
    const posts = ['gov-author', 'gov-section-head', 'gov-leader', 'gov-secrecy-reviewer', 'gov-publisher'];
    for (const department of ['00419803-6', '00419804-4', '00419816-8', '00419801-X']) {
      const roles = DEMO_STAFF.filter((a) => a.department === department).map((a) => a.role);
      expect(roles).toEqual(expect.arrayContaining(posts));
    }
    expect(DEMO_STAFF.filter((a) => a.role === 'gov-office')).toEqual([expect.objectContaining({ department: '00419800-1', includeSubDepartments: true })]);
    expect(DEMO_STAFF.find((a) => a.role === 'gov-author' && a.department === '00419803-6').email).toBe('edu.author@qingxi.example.gov.cn');
    expect(new Set(DEMO_STAFF.map((a) => a.email)).size).toBe(DEMO_STAFF.length);
  });
});
