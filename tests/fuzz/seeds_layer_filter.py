#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the seeds of the layer_filter harness (tests/fuzz/corpus/layer_filter/): small `docker save`
# archives in the classic and OCI layouts whose layers are sha256("A"), sha256("B"), sha256("C"),
# with v1 IDs computed as moby's image/v1 CreateID does. The first byte of each seed is the write size.
import hashlib, io, json, os, sys, tarfile

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), 'corpus', 'layer_filter')
sha = lambda b: hashlib.sha256(b).hexdigest()
diffs = ['sha256:' + sha(x) for x in (b'A', b'B', b'C')]
chains = []
for d in diffs:
    chains.append(d if not chains else 'sha256:' + sha((chains[-1] + ' ' + d).encode()))

def v1id(members, chain, parent):
    m = dict(members)
    m['layer_id'] = json.dumps(chain)
    if parent:
        m['parent'] = json.dumps('sha256:' + parent)
    return sha(('{' + ','.join(json.dumps(k) + ':' + m[k] for k in sorted(m)) + '}').encode())

def archive(entries, fmt):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w', format=fmt) as t:
        for name, data, link in entries:
            info = tarfile.TarInfo(name)
            if link is not None:
                info.type, info.linkname = tarfile.SYMTYPE, link
                t.addfile(info)
            elif data is None:
                info.type = tarfile.DIRTYPE
                t.addfile(info)
            else:
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
    return buf.getvalue()

def classic():
    empty = {'created': '"1970-01-01T00:00:00Z"', 'container_config': '{"Env":null}'}
    ids, parent, entries = [], '', []
    for i, chain in enumerate(chains):
        top = i == len(chains) - 1
        members = dict(empty, config='{"Cmd":["serve"]}') if top else dict(empty)
        v = v1id(members, chain, parent)
        body = dict(members, os='"linux"')
        js = '{"id":"%s"%s,%s}' % (v, ',"parent":"%s"' % parent if parent else '',
                                   ','.join('"%s":%s' % kv for kv in body.items()))
        entries += [(v + '/', None, None), (v + '/VERSION', b'1.0', None), (v + '/json', js.encode(), None),
                    (v + '/layer.tar', bytes([65 + i]) * (700 * (i + 1)), None)]
        ids.append(v)
        parent = v
    # A second directory for B that links to the first one's file.
    entries.append((sha(b'other') + '/layer.tar', None, '../' + ids[1] + '/layer.tar'))
    entries.sort(key=lambda e: e[0])
    entries += [(sha(b'config') + '.json', b'{}', None), ('manifest.json', b'[]', None), ('repositories', b'{}', None)]
    return entries

def oci():
    return [('blobs/', None, None), ('blobs/sha256/', None, None)] + \
        [('blobs/sha256/' + d[7:], bytes([65 + i]) * 900, None) for i, d in enumerate(diffs)] + \
        [('blobs/sha256/' + sha(b'{}'), b'{}', None), ('index.json', b'{}', None), ('manifest.json', b'[]', None),
         ('oci-layout', b'{"imageLayoutVersion":"1.0.0"}', None)]

os.makedirs(out, exist_ok=True)
seeds = {
    '00-classic-ustar': (b'\x00', archive(classic(), tarfile.USTAR_FORMAT)),
    '01-classic-pax-small-writes': (b'\x03', archive(classic(), tarfile.PAX_FORMAT)),
    '02-oci-gnu': (b'\x10', archive(oci(), tarfile.GNU_FORMAT)),
    '03-oci-pax': (b'\x49', archive([('blobs/sha256/' + diffs[0][7:] + '/' + 'x' * 120, b'long', None)] + oci(),
                                    tarfile.PAX_FORMAT)),
    '04-empty-archive': (b'\x00', b'\x00' * 1024),
}
for name, (step, data) in seeds.items():
    with open(os.path.join(out, name + '.bin'), 'wb') as f:
        f.write(step + data)
