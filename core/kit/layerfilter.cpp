// SPDX-License-Identifier: GPL-3.0-or-later
#include "kit/layerfilter.h"

#include <algorithm>
#include <utility>

#include <QCoreApplication>

#include "kit/kitstream.h"

namespace ezr::kit {
namespace {

constexpr qint64 block = 512;
constexpr qint64 maxMeta = 1024 * 1024; // one PAX or long-name header
constexpr qint64 maxPending = 4 * 1024 * 1024; // all of them before one entry
constexpr qint64 maxJson = 1024 * 1024; // a `<v1id>/json` captured to identify its layer
constexpr qint64 maxSize = qint64(1) << 56;

Error badArchive(const QString &detail)
{
    return { ErrorCode::Failure,
        QCoreApplication::translate("ezr::kit",
            "Docker's image stream is not a tar archive this version can read, so the layers the target has "
            "cannot be left out. Export without --target-has."),
        detail };
}

QByteArray sha256Hex(const QByteArray &data)
{
    Sha256 h;
    h.update(data.constData(), data.size());
    return h.hexDigest();
}

bool isHex64(QByteArrayView s)
{
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

// A NUL-terminated field of a header.
QByteArray field(const char *h, int offset, int length)
{
    const char *begin = h + offset;
    const char *end = std::find(begin, begin + length, '\0');
    return QByteArray(begin, end - begin);
}

// A numeric field: octal (spaces or NULs around it) or base-256 (GNU, the high bit set).
bool numericField(const char *h, int offset, int length, qint64 *value)
{
    const auto *p = reinterpret_cast<const unsigned char *>(h + offset);
    qint64 v = 0;
    if (p[0] & 0x80) {
        if (p[0] != 0x80)
            return false; // negative, or more than 56 bits
        for (int i = 1; i < length; ++i) {
            if (v > (maxSize >> 8))
                return false;
            v = (v << 8) | p[i];
        }
        *value = v;
        return v <= maxSize;
    }
    int i = 0;
    while (i < length && (p[i] == ' ' || p[i] == 0))
        ++i;
    bool digits = false;
    for (; i < length && p[i] >= '0' && p[i] <= '7'; ++i) {
        if (v > (maxSize >> 3))
            return false;
        v = v * 8 + (p[i] - '0');
        digits = true;
    }
    for (; i < length; ++i) {
        if (p[i] != ' ' && p[i] != 0)
            return false;
    }
    *value = digits ? v : 0;
    return true;
}

bool checksumMatches(const char *h)
{
    qint64 stored = 0;
    if (!numericField(h, 148, 8, &stored))
        return false;
    qint64 unsignedSum = 0;
    qint64 signedSum = 0;
    for (int i = 0; i < block; ++i) {
        const char c = (i >= 148 && i < 156) ? ' ' : h[i];
        unsignedSum += static_cast<unsigned char>(c);
        signedSum += static_cast<signed char>(c);
    }
    return stored == unsignedSum || stored == signedSum;
}

// "a/b/../c" → "a/c"; a leading "./" and "/" go. Empty when it climbs above the archive.
QByteArray normalized(const QByteArray &path)
{
    QList<QByteArray> parts;
    for (const QByteArray &part : path.split('/')) {
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (parts.isEmpty())
                return {};
            parts.removeLast();
            continue;
        }
        parts << part;
    }
    return parts.join('/');
}

// The records of a PAX header ("LEN key=value\n"); false when they are malformed.
bool parsePax(const QByteArray &data, QByteArray *path, QByteArray *link, qint64 *size)
{
    qsizetype pos = 0;
    while (pos < data.size()) {
        if (data.at(pos) == '\0')
            break; // padding
        const qsizetype space = data.indexOf(' ', pos);
        if (space < 0 || space == pos || space - pos > 12)
            return false;
        bool ok = false;
        const qint64 length = data.mid(pos, space - pos).toLongLong(&ok);
        if (!ok || length <= space - pos + 1 || pos + length > data.size()
            || data.at(pos + length - 1) != '\n')
            return false;
        const QByteArray record = data.mid(space + 1, pos + length - space - 2);
        const qsizetype eq = record.indexOf('=');
        if (eq <= 0)
            return false;
        const QByteArray key = record.left(eq);
        const QByteArray value = record.mid(eq + 1);
        if (key == "path")
            *path = value;
        else if (key == "linkpath")
            *link = value;
        else if (key == "size") {
            const qint64 v = value.toLongLong(&ok);
            if (!ok || v < 0 || v > maxSize)
                return false;
            *size = v;
        }
        pos += length;
    }
    return true;
}

// --- the top level of a JSON object, as raw spans (classicV1Id) ---

void skipSpace(const QByteArray &s, qsizetype &i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        ++i;
}

bool skipString(const QByteArray &s, qsizetype &i)
{
    if (i >= s.size() || s[i] != '"')
        return false;
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\')
            ++i;
        else if (s[i] == '"') {
            ++i;
            return true;
        }
    }
    return false;
}

bool skipValue(const QByteArray &s, qsizetype &i)
{
    if (i >= s.size())
        return false;
    if (s[i] == '"')
        return skipString(s, i);
    if (s[i] == '{' || s[i] == '[') {
        int depth = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '"') {
                if (!skipString(s, i))
                    return false;
                continue;
            }
            if (c == '{' || c == '[') {
                if (++depth > 64)
                    return false;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    ++i;
                    return true;
                }
            }
            ++i;
        }
        return false;
    }
    const qsizetype start = i;
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ' ' && s[i] != '\n' && s[i] != '\t'
        && s[i] != '\r')
        ++i;
    return i > start;
}

} // namespace

QList<QByteArray> chainIds(const LayerList &layers)
{
    QList<QByteArray> out;
    QByteArray chain;
    for (const QByteArray &diff : layers) {
        chain = chain.isEmpty() ? diff : "sha256:" + sha256Hex(chain + ' ' + diff);
        out << chain;
    }
    return out;
}

LayerPlan planLayers(
    const QList<LayerList> &saved, const QList<LayerList> &target, const QSet<QByteArray> &restorable)
{
    QHash<QByteArray, int> has; // chain → the first target image with it
    for (int image = 0; image < target.size(); ++image) {
        for (const QByteArray &chain : chainIds(target[image])) {
            if (!has.contains(chain))
                has.insert(chain, image);
        }
    }
    LayerPlan plan;
    QSet<QByteArray> needed; // a diff ID some saved chain needs that the target lacks
    QList<QByteArray> order; // diff IDs in the order the saved images use them
    QHash<QByteArray, std::pair<int, LayerList>> source;
    for (const LayerList &layers : saved) {
        const QList<QByteArray> chains = chainIds(layers);
        for (int i = 0; i < chains.size(); ++i) {
            const QByteArray &diff = layers[i];
            plan.chainToDiff.insert(chains[i], diff);
            if (!has.contains(chains[i])) {
                needed.insert(diff);
                continue;
            }
            if (!source.contains(diff)) {
                order << diff;
                source.insert(diff, { has.value(chains[i]), layers.mid(0, i + 1) });
            }
        }
    }
    for (const QByteArray &diff : std::as_const(order)) {
        if (!needed.contains(diff)) {
            plan.leaveOut.insert(diff);
            plan.providedBy.insert(diff, source.value(diff).first);
            plan.prefixOf.insert(diff, source.value(diff).second);
        }
    }
    if (restorable.isEmpty())
        return plan;
    QHash<QByteArray, int> anywhere; // diff ID → the first target image with it, in any chain
    for (int image = 0; image < target.size(); ++image)
        for (const QByteArray &diff : target[image])
            if (!anywhere.contains(diff))
                anywhere.insert(diff, image);
    for (const LayerList &layers : saved) {
        for (const QByteArray &diff : layers) {
            if (plan.leaveOut.contains(diff) || !restorable.contains(diff) || !anywhere.contains(diff))
                continue;
            plan.leaveOut.insert(diff);
            plan.restoreFrom.insert(diff, anywhere.value(diff));
        }
    }
    return plan;
}

QByteArray classicV1Id(const QByteArray &json, const QByteArray &chainId, bool dropOs)
{
    // The raw key/value spans of the top level; Go's map marshalling sorts by key.
    QList<std::pair<QByteArray, QByteArray>> members;
    QByteArray parent;
    qsizetype i = 0;
    skipSpace(json, i);
    if (i >= json.size() || json[i] != '{')
        return {};
    ++i;
    for (;;) {
        skipSpace(json, i);
        if (i < json.size() && json[i] == '}')
            break;
        const qsizetype keyStart = i;
        if (!skipString(json, i))
            return {};
        const QByteArray key = json.mid(keyStart + 1, i - keyStart - 2);
        if (key.contains('\\'))
            return {};
        skipSpace(json, i);
        if (i >= json.size() || json[i] != ':')
            return {};
        ++i;
        skipSpace(json, i);
        const qsizetype valueStart = i;
        if (!skipValue(json, i))
            return {};
        QByteArray value = json.mid(valueStart, i - valueStart).trimmed();
        if (value.isEmpty())
            return {};
        if (key == "parent") {
            if (value.size() != 66 || !isHex64(QByteArrayView(value).sliced(1, 64)))
                return {};
            parent = value.mid(1, 64);
        } else if (key != "id" && !(dropOs && key == "os")) {
            members.append({ key, value });
        }
        skipSpace(json, i);
        if (i < json.size() && json[i] == ',') {
            ++i;
            continue;
        }
        if (i < json.size() && json[i] == '}')
            break;
        return {};
    }
    members.append({ "layer_id", '"' + chainId + '"' });
    if (!parent.isEmpty())
        members.append({ "parent", "\"sha256:" + parent + '"' });
    std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray body = "{";
    for (qsizetype m = 0; m < members.size(); ++m) {
        if (m > 0 && members[m].first == members[m - 1].first)
            return {}; // a key twice: not what Go wrote
        if (m > 0)
            body += ',';
        body += '"' + members[m].first + "\":" + members[m].second;
    }
    body += '}';
    return sha256Hex(body);
}

LayerFilter::LayerFilter(LayerPlan plan, Sink sink)
    : m_plan(std::move(plan))
    , m_sink(std::move(sink))
{
    for (auto it = m_plan.chainToDiff.cbegin(); it != m_plan.chainToDiff.cend(); ++it) {
        if (m_plan.leaveOut.contains(it.value()))
            m_candidates << it.key();
    }
    std::sort(m_candidates.begin(), m_candidates.end());
}

Status LayerFilter::put(const char *data, qint64 size)
{
    if (size <= 0)
        return {};
    return m_sink(data, size);
}

Status LayerFilter::write(const char *data, qint64 size)
{
    while (size > 0) {
        switch (m_state) {
        case State::End:
            return put(data, size);
        case State::Header: {
            const qint64 n = std::min(size, block - m_block.size());
            m_block.append(data, n);
            data += n;
            size -= n;
            if (m_block.size() == block) {
                if (auto s = onHeader(); !s)
                    return s;
            }
            break;
        }
        case State::Meta: {
            const qint64 n = std::min(size, m_left);
            const qint64 useful = std::min(n, std::max<qint64>(0, m_dataSize - m_meta.size()));
            m_meta.append(data, useful);
            m_pending.append(data, n);
            data += n;
            size -= n;
            m_left -= n;
            if (m_left == 0) {
                if (auto s = onMetaDone(); !s)
                    return s;
            }
            break;
        }
        case State::Data: {
            const qint64 n = std::min(size, m_left);
            if (m_keep) {
                if (auto s = put(data, n); !s)
                    return s;
            } else {
                m_bytesLeftOut += n;
            }
            if (!m_jsonOf.isEmpty()) {
                const qint64 useful = std::min(n, std::max<qint64>(0, m_dataSize - m_json.size()));
                m_json.append(data, useful);
            }
            data += n;
            size -= n;
            m_left -= n;
            if (m_left == 0) {
                onJsonDone();
                m_state = State::Header;
            }
            break;
        }
        }
    }
    return {};
}

Status LayerFilter::finish()
{
    if (m_state == State::End)
        return {};
    if (m_state == State::Header && m_block.isEmpty() && m_pending.isEmpty())
        return badArchive(QStringLiteral("the stream ended without the end-of-archive blocks"));
    return badArchive(QStringLiteral("the stream ended inside an entry"));
}

Status LayerFilter::onHeader()
{
    const QByteArray h = std::exchange(m_block, {});
    if (std::all_of(h.begin(), h.end(), [](char c) { return c == 0; })) {
        if (!m_pending.isEmpty())
            return badArchive(QStringLiteral("an extended header without its entry"));
        m_state = State::End;
        return put(h.constData(), h.size());
    }
    if (!checksumMatches(h.constData()))
        return badArchive(QStringLiteral("a tar header with a bad checksum"));
    qint64 size = 0;
    if (!numericField(h.constData(), 124, 12, &size))
        return badArchive(QStringLiteral("a tar header with a bad size"));
    const char type = h[156];
    if (type == 'x' || type == 'L' || type == 'K') {
        if (size > maxMeta || m_pending.size() + block + size > maxPending)
            return badArchive(QStringLiteral("an extended tar header of %1 bytes").arg(size));
        m_pending += h;
        m_metaType = type;
        m_meta.clear();
        m_dataSize = size;
        m_left = (size + block - 1) / block * block;
        m_state = State::Meta;
        if (m_left == 0)
            return onMetaDone();
        return {};
    }
    if (m_paxSize >= 0)
        size = m_paxSize;
    m_block = h; // onEntry reads it
    m_dataSize = size;
    m_left = (size + block - 1) / block * block;
    return onEntry();
}

Status LayerFilter::onMetaDone()
{
    m_state = State::Header;
    if (m_metaType == 'L')
        m_longName = field(m_meta.constData(), 0, static_cast<int>(m_meta.size()));
    else if (m_metaType == 'K')
        m_longLink = field(m_meta.constData(), 0, static_cast<int>(m_meta.size()));
    else if (!parsePax(m_meta, &m_paxPath, &m_paxLink, &m_paxSize))
        return badArchive(QStringLiteral("a malformed PAX header"));
    m_meta.clear();
    return {};
}

Status LayerFilter::onEntry()
{
    const QByteArray h = std::exchange(m_block, {});
    const char type = h[156];
    QByteArray name = field(h.constData(), 0, 100);
    if (h.mid(257, 5) == "ustar") {
        const QByteArray prefix = field(h.constData(), 345, 155);
        if (!prefix.isEmpty())
            name = prefix + '/' + name;
    }
    if (!m_longName.isEmpty())
        name = m_longName;
    if (!m_paxPath.isEmpty())
        name = m_paxPath;
    QByteArray link = field(h.constData(), 157, 100);
    if (!m_longLink.isEmpty())
        link = m_longLink;
    if (!m_paxLink.isEmpty())
        link = m_paxLink;
    m_longName.clear();
    m_longLink.clear();
    m_paxPath.clear();
    m_paxLink.clear();
    m_paxSize = -1;
    m_jsonOf.clear();
    m_json.clear();

    const QByteArray path = normalized(name);
    const QList<QByteArray> parts = path.split('/');
    QByteArray diff; // the layer this entry carries, if it is one left out
    if (parts.size() == 3 && parts[0] == "blobs" && parts[1] == "sha256" && isHex64(parts[2])) {
        if (m_plan.leaveOut.contains("sha256:" + parts[2]))
            diff = "sha256:" + parts[2];
    } else if (parts.size() == 2 && isHex64(parts[0]) && parts[1] == "layer.tar") {
        diff = m_v1Diff.value(parts[0]);
    } else if (parts.size() == 2 && isHex64(parts[0]) && parts[1] == "json" && type != '2' && type != '1'
        && m_dataSize <= maxJson && !m_candidates.isEmpty()) {
        m_jsonOf = parts[0];
    }
    bool keep = diff.isEmpty();
    if (type == '2' || type == '1') {
        // A link to a file that went must go too (it would dangle); a link the plan drops goes
        // with the file only if that went (the plan drops a diff ID in every place at once).
        QByteArray to;
        if (type == '2') {
            const qsizetype slash = path.lastIndexOf('/');
            to = normalized((slash < 0 ? QByteArray() : path.left(slash + 1)) + link);
        } else {
            to = normalized(link);
        }
        keep = !m_droppedPaths.contains(to);
        if (!keep && diff.isEmpty()) {
            const QList<QByteArray> toParts = to.split('/');
            diff = toParts.size() == 2 ? m_v1Diff.value(toParts[0]) : QByteArray();
        }
    }
    m_keep = keep;
    if (!keep) {
        if (!path.isEmpty())
            m_droppedPaths.insert(path);
        if (type != '2' && type != '1' && !diff.isEmpty())
            m_leftOut << diff;
        m_bytesLeftOut += m_pending.size() + h.size();
        m_pending.clear();
    } else {
        if (auto s = put(m_pending.constData(), m_pending.size()); !s)
            return s;
        m_pending.clear();
        if (auto s = put(h.constData(), h.size()); !s)
            return s;
    }
    m_state = State::Data;
    if (m_left == 0) {
        onJsonDone();
        m_state = State::Header;
    }
    return {};
}

void LayerFilter::onJsonDone()
{
    if (m_jsonOf.isEmpty())
        return;
    const QByteArray v1 = std::exchange(m_jsonOf, {});
    const QByteArray json = std::exchange(m_json, {});
    for (const bool dropOs : { false, true }) {
        for (const QByteArray &chain : std::as_const(m_candidates)) {
            if (classicV1Id(json, chain, dropOs) == v1) {
                m_v1Diff.insert(v1, m_plan.chainToDiff.value(chain));
                return;
            }
        }
    }
}

Result<QByteArray> filterLayers(const QByteArray &archive, const LayerPlan &plan, qint64 writeSize)
{
    QByteArray out;
    LayerFilter filter(plan, [&out](const char *data, qint64 size) -> Status {
        out.append(data, size);
        return {};
    });
    const qint64 step = writeSize > 0 ? writeSize : std::max<qint64>(1, archive.size());
    for (qint64 pos = 0; pos < archive.size(); pos += step) {
        if (auto s = filter.write(archive.constData() + pos, std::min(step, archive.size() - pos)); !s)
            return s.error();
    }
    if (auto s = filter.finish(); !s)
        return s.error();
    return out;
}

} // namespace ezr::kit
