// SPDX-License-Identifier: GPL-3.0-or-later
#include "engineflags.h"

#include <optional>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ezr::test {
namespace {

struct Flag
{
    QStringList names; // canonical first
    QString type;
    QStringList choices;
};

struct Rule
{
    QString kind; // less, at_least
    QString a;
    QString b;
    std::optional<qint64> aDefault;
    QMap<QString, QString> whenEnv;
    QString message;
};

struct Version
{
    QString style;
    QString prog;
    int positionals = 0;
    QList<Flag> flags; // accepted at this version
    QList<Rule> rules;
    QStringList env; // names read
    QMap<QString, QString> imageEnv;
    QStringList programs;
    QMap<QString, QString> pipPrograms; // program -> the pip package that installs it
    QStringList uids;
    QStringList requiredEnv;
    bool found = false;
};

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

QMap<QString, QString> stringMap(const QJsonValue &value)
{
    QMap<QString, QString> out;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

QList<Rule> rules(const QJsonValue &value)
{
    QList<Rule> out;
    for (const QJsonValue &v : value.toArray()) {
        const QJsonObject o = v.toObject();
        Rule r;
        r.kind = o.value(QStringLiteral("rule")).toString();
        r.a = o.value(QStringLiteral("a")).toString();
        r.b = o.value(QStringLiteral("b")).toString();
        if (o.contains(QStringLiteral("a_default")))
            r.aDefault = o.value(QStringLiteral("a_default")).toInteger();
        r.whenEnv = stringMap(o.value(QStringLiteral("when_env")));
        r.message = o.value(QStringLiteral("message")).toString();
        out << r;
    }
    return out;
}

QJsonObject engineObject(const QByteArray &table, const QString &engine)
{
    return QJsonDocument::fromJson(table)
        .object()
        .value(QStringLiteral("engines"))
        .toObject()
        .value(engine)
        .toObject();
}

Version versionOf(const QByteArray &table, const QString &engine, const QString &version)
{
    const QJsonObject e = engineObject(table, engine);
    Version out;
    for (const QJsonValue &v : e.value(QStringLiteral("versions")).toArray()) {
        const QJsonObject vo = v.toObject();
        if (vo.value(QStringLiteral("version")).toString() != version)
            continue;
        out.found = true;
        out.imageEnv = stringMap(vo.value(QStringLiteral("image_env")));
        out.programs = strings(vo.value(QStringLiteral("programs")));
        out.pipPrograms = stringMap(vo.value(QStringLiteral("pip_programs")));
        out.uids = strings(vo.value(QStringLiteral("uids")));
        out.requiredEnv = strings(vo.value(QStringLiteral("required_env")));
        out.rules = rules(vo.value(QStringLiteral("rules")));
    }
    if (!out.found)
        return out;
    out.style = e.value(QStringLiteral("style")).toString();
    out.prog = e.value(QStringLiteral("prog")).toString();
    out.positionals = e.value(QStringLiteral("positionals")).toInt();
    out.rules = rules(e.value(QStringLiteral("rules"))) + out.rules;
    out.env = stringMap(e.value(QStringLiteral("env"))).keys();
    for (const QJsonValue &v : e.value(QStringLiteral("flags")).toArray()) {
        const QJsonObject fo = v.toObject();
        const QStringList versions = strings(fo.value(QStringLiteral("versions")));
        if (!versions.isEmpty() && !versions.contains(version))
            continue;
        out.flags << Flag { strings(fo.value(QStringLiteral("names"))),
            fo.value(QStringLiteral("type")).toString(), strings(fo.value(QStringLiteral("choices"))) };
    }
    return out;
}

const Flag *findFlag(const Version &v, const QString &name)
{
    for (const Flag &f : v.flags) {
        if (f.names.contains(name))
            return &f;
    }
    return nullptr;
}

bool isNumber(const QString &s)
{
    static const QRegularExpression number(QStringLiteral("^-?[0-9]*\\.?[0-9]+$"));
    return number.match(s).hasMatch();
}

bool isOption(const QString &s)
{
    return s.size() > 1 && s.startsWith(QLatin1Char('-')) && !isNumber(s);
}

// clap's value name: --max-input-tokens <MAX_INPUT_TOKENS>.
QString clapMeta(const Flag &f)
{
    QString name = f.names.first();
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    return QStringLiteral("%1 <%2>").arg(
        f.names.first(), name.toUpper().replace(QLatin1Char('-'), QLatin1Char('_')));
}

// The engines' own words (argparse, clap, llama.cpp's common/arg.cpp) for each kind of refusal.
class Messages
{
public:
    explicit Messages(const Version &v)
        : m_v(v)
    { }

    QString unknown(const QString &arg) const
    {
        if (m_v.style == QLatin1String("clap"))
            return QStringLiteral("error: unexpected argument '%1' found").arg(arg);
        if (m_v.style == QLatin1String("llamacpp"))
            return QStringLiteral("error: invalid argument: %1").arg(arg);
        return QStringLiteral("%1: error: unrecognized arguments: %2").arg(m_v.prog, arg);
    }
    QString missing(const Flag &f, const QString &given) const
    {
        if (m_v.style == QLatin1String("clap"))
            return QStringLiteral("error: a value is required for '%1' but none was supplied")
                .arg(clapMeta(f));
        if (m_v.style == QLatin1String("llamacpp"))
            return QStringLiteral("error: expected value for argument %1").arg(given);
        return QStringLiteral("%1: error: argument %2: expected %3 argument")
            .arg(m_v.prog, f.names.join(QLatin1Char('/')),
                f.type == QLatin1String("list") ? QStringLiteral("at least one") : QStringLiteral("one"));
    }
    QString noValue(const Flag &f, const QString &value) const
    {
        if (m_v.style == QLatin1String("clap"))
            return QStringLiteral("error: unexpected value '%1' for '%2' found; no more were expected")
                .arg(value, f.names.first());
        if (m_v.style == QLatin1String("llamacpp"))
            return QStringLiteral("error: invalid argument: %1=%2").arg(f.names.first(), value);
        return QStringLiteral("%1: error: argument %2: ignored explicit argument '%3'")
            .arg(m_v.prog, f.names.join(QLatin1Char('/')), value);
    }
    QString badValue(const Flag &f, const QString &given, const QString &value) const
    {
        const bool isInt = f.type == QLatin1String("int");
        if (m_v.style == QLatin1String("clap")) {
            if (f.type == QLatin1String("choice"))
                return QStringLiteral("error: invalid value '%1' for '%2'\n  [possible values: %3]")
                    .arg(value, clapMeta(f), f.choices.join(QStringLiteral(", ")));
            return QStringLiteral("error: invalid value '%1' for '%2': %3")
                .arg(value, clapMeta(f),
                    isInt ? QStringLiteral("invalid digit found in string")
                          : QStringLiteral("invalid float literal"));
        }
        if (m_v.style == QLatin1String("llamacpp"))
            return QStringLiteral("error while handling argument \"%1\": %2")
                .arg(given, isInt ? QLatin1String("stoi") : QLatin1String("stof"));
        if (f.type == QLatin1String("choice")) {
            QStringList quoted;
            for (const QString &c : f.choices)
                quoted << QLatin1Char('\'') + c + QLatin1Char('\'');
            return QStringLiteral("%1: error: argument %2: invalid choice: '%3' (choose from %4)")
                .arg(m_v.prog, f.names.join(QLatin1Char('/')), value, quoted.join(QStringLiteral(", ")));
        }
        return QStringLiteral("%1: error: argument %2: invalid %3 value: '%4'")
            .arg(m_v.prog, f.names.join(QLatin1Char('/')),
                isInt ? QLatin1String("int") : QLatin1String("float"), value);
    }

private:
    const Version &m_v;
};

bool validValue(const Flag &f, const QString &value)
{
    if (f.type == QLatin1String("int")) {
        bool ok = false;
        value.toLongLong(&ok);
        return ok && !value.contains(QLatin1Char('+')) && !value.contains(QLatin1Char(' '));
    }
    if (f.type == QLatin1String("float"))
        return isNumber(value);
    if (f.type == QLatin1String("choice"))
        return f.choices.contains(value);
    return true;
}

} // namespace

QByteArray engineFlagTable()
{
    QFile file(QStringLiteral(EZR_TEST_SOURCE_ROOT) + QStringLiteral("/templates/engine-flags.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString engineVersionOfImage(const QByteArray &table, const QString &engine, const QString &image)
{
    for (const QJsonValue &v : engineObject(table, engine).value(QStringLiteral("versions")).toArray()) {
        const QJsonObject vo = v.toObject();
        if (strings(vo.value(QStringLiteral("images"))).contains(image))
            return vo.value(QStringLiteral("version")).toString();
    }
    return {};
}

QStringList engineVersions(const QByteArray &table, const QString &engine)
{
    QStringList out;
    for (const QJsonValue &v : engineObject(table, engine).value(QStringLiteral("versions")).toArray())
        out << v.toObject().value(QStringLiteral("version")).toString();
    return out;
}

QMap<QString, QString> engineImageEnv(const QByteArray &table, const QString &engine, const QString &version)
{
    return versionOf(table, engine, version).imageEnv;
}

QStringList checkEngineArgs(const QByteArray &table, const QString &engine, const QString &version,
    const QStringList &args, const QMap<QString, QString> &env)
{
    const Version v = versionOf(table, engine, version);
    if (!v.found)
        return { QStringLiteral("engine-flags.json has no %1 version %2").arg(engine, version) };
    const Messages say(v);
    QStringList refusals;
    QMap<QString, QString> values; // canonical name -> value
    int positionals = 0;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!isOption(arg)) {
            if (++positionals > v.positionals)
                refusals << say.unknown(arg);
            continue;
        }
        QString name = arg;
        std::optional<QString> inlineValue;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            name = arg.section(QLatin1Char('='), 0, 0);
            inlineValue = arg.section(QLatin1Char('='), 1);
        }
        const Flag *flag = findFlag(v, name);
        if (!flag) {
            refusals << say.unknown(arg);
            continue;
        }
        if (flag->type == QLatin1String("switch")) {
            if (inlineValue)
                refusals << say.noValue(*flag, *inlineValue);
            values.insert(flag->names.first(), QStringLiteral("true"));
            continue;
        }
        QStringList given;
        if (inlineValue) {
            given << *inlineValue;
        } else {
            while (i + 1 < args.size() && !isOption(args.at(i + 1))) {
                given << args.at(++i);
                if (flag->type != QLatin1String("list"))
                    break;
            }
        }
        if (given.isEmpty() || given.first().isEmpty()) {
            refusals << say.missing(*flag, name);
            continue;
        }
        for (const QString &value : std::as_const(given)) {
            if (!validValue(*flag, value))
                refusals << say.badValue(*flag, name, value);
        }
        values.insert(flag->names.first(), given.first());
    }

    QMap<QString, QString> environment = v.imageEnv;
    environment.insert(env);
    for (const Rule &rule : v.rules) {
        bool applies = true;
        for (auto it = rule.whenEnv.begin(); it != rule.whenEnv.end(); ++it)
            applies = applies && environment.value(it.key()) == it.value();
        if (!applies || !values.contains(rule.b))
            continue;
        const qint64 b = values.value(rule.b).toLongLong();
        std::optional<qint64> a;
        if (values.contains(rule.a))
            a = values.value(rule.a).toLongLong();
        else
            a = rule.aDefault;
        if (!a)
            continue;
        const bool broken = rule.kind == QLatin1String("less") ? !(*a < b) : !(*a >= b);
        if (broken)
            refusals << QString(rule.message)
                            .replace(QStringLiteral("{a}"), QString::number(*a))
                            .replace(QStringLiteral("{b}"), QString::number(b));
    }
    return refusals;
}

QStringList checkEngineEnv(
    const QByteArray &table, const QString &engine, const QString &version, const QStringList &names)
{
    const Version v = versionOf(table, engine, version);
    if (!v.found)
        return { QStringLiteral("engine-flags.json has no %1 version %2").arg(engine, version) };
    QStringList refusals;
    for (const QString &name : names) {
        if (!name.startsWith(QLatin1String("EZRUNNER_")) && !v.env.contains(name))
            refusals << QStringLiteral("%1 %2 reads no %3: it does nothing there").arg(engine, version, name);
    }
    for (const QString &name : v.requiredEnv) {
        if (!names.contains(name))
            refusals << QStringLiteral("%1 %2 needs %3, which is not set").arg(engine, version, name);
    }
    return refusals;
}

QStringList checkEngineImage(const QByteArray &table, const QString &engine, const QString &version,
    const QString &program, const QString &user, const QMap<QString, QString> &env, const QString &pipLine)
{
    const Version v = versionOf(table, engine, version);
    if (!v.found)
        return { QStringLiteral("engine-flags.json has no %1 version %2").arg(engine, version) };
    QStringList refusals;
    const auto installed = v.pipPrograms.constFind(program);
    const bool fromPip = installed != v.pipPrograms.cend() && pipLine.contains(installed.value());
    if (!v.programs.contains(program) && !fromPip)
        refusals << QStringLiteral("exec: \"%1\": executable file not found in $PATH").arg(program);
    const QString uid = user.section(QLatin1Char(':'), 0, 0);
    if (!uid.isEmpty() && !v.uids.contains(uid) && !env.contains(QStringLiteral("HOME")))
        refusals << QStringLiteral("KeyError: 'getpwuid(): uid not found: %1' (no passwd entry; HOME is /)")
                        .arg(uid);
    return refusals;
}

QByteArray standinFlagSpec(const QByteArray &table, const QString &engine, const QString &version)
{
    const Version v = versionOf(table, engine, version);
    QByteArray out;
    if (!v.found)
        return out;
    out += "style " + v.style.toUtf8() + "\nprog " + v.prog.toUtf8() + "\npositionals "
        + QByteArray::number(v.positionals) + "\n";
    for (const Flag &f : v.flags) {
        for (const QString &name : f.names)
            out += "flag " + name.toUtf8() + ' ' + f.type.toUtf8() + ' ' + f.names.first().toUtf8()
                + (f.choices.isEmpty() ? QByteArray() : ' ' + f.choices.join(QLatin1Char(',')).toUtf8())
                + '\n';
    }
    for (const Rule &r : v.rules) {
        out += "rule " + r.kind.toUtf8() + ' ' + r.a.toUtf8() + ' ' + r.b.toUtf8();
        if (r.kind == QLatin1String("at_least")) {
            out += ' ' + (r.aDefault ? QByteArray::number(*r.aDefault) : QByteArray("-"));
            out += ' '
                + (r.whenEnv.isEmpty()
                        ? QByteArray("-")
                        : (r.whenEnv.firstKey() + QLatin1Char('=') + r.whenEnv.first()).toUtf8());
        }
        out += ' ' + r.message.toUtf8() + '\n';
    }
    for (auto it = v.imageEnv.begin(); it != v.imageEnv.end(); ++it)
        out += "env " + it.key().toUtf8() + ' ' + it.value().toUtf8() + '\n';
    return out;
}

} // namespace ezr::test
