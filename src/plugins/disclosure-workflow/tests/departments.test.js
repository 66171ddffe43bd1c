// Which units a user's memberships cover: the unit itself, or a whole sub-tree.
const { covers, coveredDepartments, lineage } = require('../dist/server/domain/departments');

// county ─┬─ edu ── edu-school
//         └─ fin
//  township ── village
const parents = new Map([
  ['county', null],
  ['edu', 'county'],
  ['edu-school', 'edu'],
  ['fin', 'county'],
  ['township', null],
  ['village', 'township'],
]);

describe('department memberships', () => {
  it('covers the unit itself without its sub-units unless asked', () => {
    const m = [{ department: 'edu', includeSubDepartments: false }];
    expect(covers(m, 'edu', parents)).toBe(true);
    expect(covers(m, 'edu-school', parents)).toBe(false);
    expect(covers(m, 'fin', parents)).toBe(false);
  });

  it('covers every descendant with sub-departments, never a sibling or the parent', () => {
    const m = [{ department: 'edu', includeSubDepartments: true }];
    expect(covers(m, 'edu-school', parents)).toBe(true);
    expect(covers(m, 'county', parents)).toBe(false);
    expect(covers(m, 'fin', parents)).toBe(false);
  });

  it('a county-wide membership (the root with sub-tree) covers the county but not another tree', () => {
    const m = [{ department: 'county', includeSubDepartments: true }];
    expect(coveredDepartments(m, parents).sort()).toEqual(['county', 'edu', 'edu-school', 'fin']);
    expect(covers(m, 'village', parents)).toBe(false);
  });

  it('combines several memberships and covers nothing without one', () => {
    const m = [{ department: 'fin', includeSubDepartments: false }, { department: 'township', includeSubDepartments: true }];
    expect(coveredDepartments(m, parents).sort()).toEqual(['fin', 'township', 'village']);
    expect(coveredDepartments([], parents)).toEqual([]);
    expect(covers([], 'edu', parents)).toBe(false);
  });

  it('stops at a cycle in the tree and treats an unknown unit as a root', () => {
    const cyclic = new Map([['a', 'b'], ['b', 'a']]);
    expect(lineage('a', cyclic)).toEqual(['a', 'b']);
    expect(covers([{ department: 'c', includeSubDepartments: true }], 'a', cyclic)).toBe(false);
    expect(lineage('unknown', parents)).toEqual(['unknown']);
  });
});
