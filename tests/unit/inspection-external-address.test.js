// The external-link check never contacts the internal network (内网): which addresses count as internal.
const { isInternalAddress } = require('../../src/plugins/disclosure-workflow/dist/server/domain');

describe('isInternalAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.9', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fc00::1', 'fe80::1', '::ffff:10.0.0.1', 'not-an-ip'])('%s is internal', (address) => expect(isInternalAddress(address)).toBe(true));
  it.each(['8.8.8.8', '172.32.0.1', '202.108.22.5', '2001:da8::1'])('%s is on the internet', (address) => expect(isInternalAddress(address)).toBe(false));
});
