// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/manifests.h"

#include <algorithm>
#include <utility>

#include <QCoreApplication>
#include <QRegularExpression>

#include "dockerfile/dockerfilegenerator.h"

namespace ezr::deploy {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::deploy", text);
}

constexpr qint64 kGiB = 1024LL * 1024 * 1024;
// /dev/shm for NCCL between the ranks of one pod (vLLM and SGLang ask for it with TP > 1).
constexpr auto kShmSize = "16Gi";
constexpr int kRayPort = 6379;
constexpr int kProbePeriod = 10;

// An ordered YAML tree: maps keep the order they were written in, so the files read as
// Kubernetes' own examples do (apiVersion, kind, metadata, spec).
struct Node
{
    enum class Kind
    {
        Map,
        List,
        Text,
        Number,
        Flag,
    };
    Kind kind = Kind::Map;
    QList<std::pair<QString, Node>> entries;
    QList<Node> items;
    QString text;
    qint64 number = 0;
    bool flag = false;

    Node &add(const QString &key, Node value)
    {
        entries.append({ key, std::move(value) });
        return entries.last().second;
    }
    Node &append(Node value)
    {
        items.append(std::move(value));
        return items.last();
    }
    bool scalar() const { return kind == Kind::Text || kind == Kind::Number || kind == Kind::Flag; }
};

Node map()
{
    return {};
}

Node list()
{
    Node n;
    n.kind = Node::Kind::List;
    return n;
}

Node text(const QString &value)
{
    Node n;
    n.kind = Node::Kind::Text;
    n.text = value;
    return n;
}

Node number(qint64 value)
{
    Node n;
    n.kind = Node::Kind::Number;
    n.number = value;
    return n;
}

Node flag(bool value)
{
    Node n;
    n.kind = Node::Kind::Flag;
    n.flag = value;
    return n;
}

Node textList(const QStringList &values)
{
    Node n = list();
    for (const QString &v : values)
        n.append(text(v));
    return n;
}

// Plain where YAML reads it back as the same string, double-quoted (JSON escapes) otherwise.
QString scalarText(const Node &n)
{
    if (n.kind == Node::Kind::Number)
        return QString::number(n.number);
    if (n.kind == Node::Kind::Flag)
        return n.flag ? QStringLiteral("true") : QStringLiteral("false");
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z/][A-Za-z0-9._/-]*$"));
    static const QStringList keywords { QStringLiteral("true"), QStringLiteral("false"),
        QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("on"), QStringLiteral("off"),
        QStringLiteral("null"), QStringLiteral("y"), QStringLiteral("n") };
    if (plain.match(n.text).hasMatch() && !keywords.contains(n.text.toLower()))
        return n.text;
    QString quoted = QStringLiteral("\"");
    for (const QChar c : n.text) {
        switch (c.unicode()) {
        case '"':
            quoted += QStringLiteral("\\\"");
            break;
        case '\\':
            quoted += QStringLiteral("\\\\");
            break;
        case '\n':
            quoted += QStringLiteral("\\n");
            break;
        case '\t':
            quoted += QStringLiteral("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                quoted += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                quoted += c;
        }
    }
    return quoted + QLatin1Char('"');
}

bool isBlock(const Node &n)
{
    return n.kind == Node::Kind::Text && n.text.contains(QLatin1Char('\n'));
}

void writeBlock(QString &out, const QString &value, int indent)
{
    out += value.endsWith(QLatin1Char('\n')) ? QStringLiteral("|\n") : QStringLiteral("|-\n");
    const QStringList lines = value.endsWith(QLatin1Char('\n')) ? value.chopped(1).split(QLatin1Char('\n'))
                                                                : value.split(QLatin1Char('\n'));
    for (const QString &line : lines)
        out += line.isEmpty() ? QStringLiteral("\n")
                              : QString(indent, QLatin1Char(' ')) + line + QLatin1Char('\n');
}

void writeNode(QString &out, const Node &n, int indent);

// The value after "key:" or "- ".
void writeValue(QString &out, const Node &value, int indent)
{
    if (isBlock(value)) {
        writeBlock(out, value.text, indent);
    } else if (value.scalar()) {
        out += scalarText(value) + QLatin1Char('\n');
    } else if (value.kind == Node::Kind::Map && value.entries.isEmpty()) {
        out += QStringLiteral("{}\n");
    } else if (value.kind == Node::Kind::List && value.items.isEmpty()) {
        out += QStringLiteral("[]\n");
    } else {
        out += QLatin1Char('\n');
        writeNode(out, value, indent);
    }
}

void writeNode(QString &out, const Node &n, int indent)
{
    const QString pad(indent, QLatin1Char(' '));
    if (n.kind == Node::Kind::Map) {
        for (const auto &[key, value] : n.entries) {
            out += pad + key + QLatin1Char(':');
            if (value.scalar() || isBlock(value) || (value.entries.isEmpty() && value.items.isEmpty()))
                out += QLatin1Char(' ');
            writeValue(out, value, indent + 2);
        }
        return;
    }
    for (const Node &item : n.items) {
        out += pad + QStringLiteral("- ");
        if (item.kind == Node::Kind::Map && !item.entries.isEmpty()) {
            // The first entry on the dash's line, the others under it.
            QString rest;
            writeNode(rest, item, indent + 2);
            out += rest.mid(indent + 2);
        } else {
            writeValue(out, item, indent + 2);
        }
    }
}

QByteArray document(const QStringList &comments, const Node &root)
{
    QString out = QStringLiteral("---\n");
    static const QRegularExpression controls(QStringLiteral("[\\x00-\\x1f\\x7f]+"));
    for (const QString &c : comments)
        out += c.isEmpty()
            ? QStringLiteral("#\n")
            : QStringLiteral("# ") + QString(c).replace(controls, QStringLiteral(" ")) + QLatin1Char('\n');
    writeNode(out, root, 0);
    return out.toUtf8();
}

// How the pods of a multi-node group know their place: shell words for the leader's address, the
// group's size and this pod's rank.
struct Group
{
    QString leader;
    QString size;
    QString rank;
};

// LeaderWorkerSet sets these in every pod.
const Group kLwsGroup { QStringLiteral("\"$LWS_LEADER_ADDRESS\""), QStringLiteral("\"$LWS_GROUP_SIZE\""),
    QStringLiteral("\"$LWS_WORKER_INDEX\"") };

// A word for `sh -c`: single-quoted, with {{node_rank}} and {{leader_address}} as the group's.
QString shellWord(const QString &arg, const Group &group)
{
    const QList<std::pair<QString, QString>> variables {
        { QStringLiteral("{{node_rank}}"), group.rank },
        { QStringLiteral("{{leader_address}}"), group.leader },
    };
    QString word;
    QString literal;
    auto flush = [&] {
        if (!literal.isEmpty())
            word += QLatin1Char('\'') + QString(literal).replace(QLatin1Char('\''), QStringLiteral("'\\''"))
                + QLatin1Char('\'');
        literal.clear();
    };
    for (qsizetype i = 0; i < arg.size();) {
        bool matched = false;
        for (const auto &[placeholder, variable] : variables) {
            if (arg.mid(i).startsWith(placeholder)) {
                flush();
                word += variable;
                i += placeholder.size();
                matched = true;
                break;
            }
        }
        if (!matched)
            literal += arg.at(i++);
    }
    flush();
    return word.isEmpty() ? QStringLiteral("''") : word;
}

// "exec ENTRYPOINT ARG..." one option (with its value) per line, so that the script stays readable.
QString execLine(const QStringList &words, const Group &group)
{
    QStringList lines;
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString line = shellWord(words.at(i), group);
        const bool option = words.at(i).startsWith(QLatin1String("--"));
        if (option && i + 1 < words.size() && !words.at(i + 1).startsWith(QLatin1String("--")))
            line += QLatin1Char(' ') + shellWord(words.at(++i), group);
        lines.append(line);
    }
    return QStringLiteral("exec ") + lines.join(QStringLiteral(" \\\n  "));
}

Node labels(const QString &name)
{
    Node n = map();
    n.add(QStringLiteral("app.kubernetes.io/name"), text(name));
    n.add(QStringLiteral("app.kubernetes.io/managed-by"), text(QStringLiteral("ezrunner")));
    return n;
}

Node httpProbe(const engine::Candidate &c, int period, int failures)
{
    Node probe = map();
    Node &get = probe.add(QStringLiteral("httpGet"), map());
    get.add(QStringLiteral("path"), text(c.healthPath));
    get.add(QStringLiteral("port"), text(QStringLiteral("http")));
    probe.add(QStringLiteral("periodSeconds"), number(period));
    probe.add(QStringLiteral("timeoutSeconds"), number(5));
    probe.add(QStringLiteral("failureThreshold"), number(failures));
    return probe;
}

struct Pod
{
    const engine::Candidate &candidate;
    const ManifestOptions &options;
    QString name;
    int nodes = 1;
    // One template for every node (a StatefulSet): only the pod of rank 0 serves, so the probes
    // ask it alone and pass on the others.
    bool oneTemplate = false;
};

// "exec" probe of a StatefulSet's pods: the engine's health on rank 0, success elsewhere (curl
// is in every image: the Dockerfiles' HEALTHCHECK uses it).
Node rankZeroProbe(const engine::Candidate &c, int period, int failures)
{
    Node probe = map();
    Node &exec = probe.add(QStringLiteral("exec"), map());
    exec.add(QStringLiteral("command"),
        textList({ QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("[ \"${HOSTNAME##*-}\" != 0 ] || curl -fsS http://127.0.0.1:%1%2 >/dev/null")
                .arg(c.port)
                .arg(c.healthPath) }));
    probe.add(QStringLiteral("periodSeconds"), number(period));
    probe.add(QStringLiteral("timeoutSeconds"), number(5));
    probe.add(QStringLiteral("failureThreshold"), number(failures));
    return probe;
}

Node resources(const Pod &pod)
{
    const engine::Candidate &c = pod.candidate;
    Node r = map();
    const QString gpu = gpuResourceName(c.accelerator);
    if (!gpu.isEmpty()) {
        Node &limits = r.add(QStringLiteral("limits"), map());
        limits.add(gpu, number(c.tensorParallel));
    } else if (c.accelerator == engine::Accelerator::Cpu && c.memory.total > 0) {
        // CPU engines hold the model in RAM: ask the scheduler for a node with that much.
        Node &requests = r.add(QStringLiteral("requests"), map());
        requests.add(
            QStringLiteral("memory"), text(QStringLiteral("%1Gi").arg((c.memory.total + kGiB - 1) / kGiB)));
    }
    return r;
}

// The container of a pod; `leader`: it serves HTTP (and carries the probes and the port).
Node container(const Pod &pod, bool leader, const QString &script)
{
    const engine::Candidate &c = pod.candidate;
    Node n = map();
    n.add(QStringLiteral("name"), text(QStringLiteral("engine")));
    n.add(QStringLiteral("image"), text(pod.options.image));
    n.add(QStringLiteral("imagePullPolicy"), text(QStringLiteral("IfNotPresent")));
    if (!script.isEmpty()) {
        n.add(QStringLiteral("command"), textList({ QStringLiteral("/bin/sh"), QStringLiteral("-c") }));
        Node args = list();
        args.append(text(script + QLatin1Char('\n')));
        n.add(QStringLiteral("args"), args);
    }
    if (leader) {
        Node ports = list();
        Node &port = ports.append(map());
        port.add(QStringLiteral("name"), text(QStringLiteral("http")));
        port.add(QStringLiteral("containerPort"), number(c.port));
        n.add(QStringLiteral("ports"), ports);
        // The key stays in a Secret; without one the engine serves without a key, unless the
        // profile requires it.
        Node env = list();
        Node &key = env.append(map());
        key.add(QStringLiteral("name"), text(QStringLiteral("EZRUNNER_API_KEY")));
        Node &from = key.add(QStringLiteral("valueFrom"), map());
        Node &ref = from.add(QStringLiteral("secretKeyRef"), map());
        ref.add(QStringLiteral("name"), text(apiKeySecretName(pod.name)));
        ref.add(QStringLiteral("key"), text(QStringLiteral("api-key")));
        ref.add(QStringLiteral("optional"), flag(!pod.options.apiKeyRequired));
        n.add(QStringLiteral("env"), env);
    }
    n.add(QStringLiteral("resources"), resources(pod));
    if (leader) {
        const qint64 perNode = pod.options.weightBytes / std::max(1, pod.nodes);
        const int failures = (startupSeconds(perNode) + kProbePeriod - 1) / kProbePeriod;
        const auto probe = pod.oneTemplate ? rankZeroProbe : httpProbe;
        n.add(QStringLiteral("startupProbe"), probe(c, kProbePeriod, failures));
        n.add(QStringLiteral("readinessProbe"), probe(c, kProbePeriod, 3));
        n.add(QStringLiteral("livenessProbe"), probe(c, 20, 6));
    }
    if (c.tensorParallel > 1 || pod.nodes > 1) {
        Node mounts = list();
        Node &shm = mounts.append(map());
        shm.add(QStringLiteral("name"), text(QStringLiteral("dshm")));
        shm.add(QStringLiteral("mountPath"), text(QStringLiteral("/dev/shm")));
        n.add(QStringLiteral("volumeMounts"), mounts);
    }
    return n;
}

Node podSpec(const Pod &pod, bool leader, const QString &script)
{
    Node spec = map();
    Node containers = list();
    containers.append(container(pod, leader, script));
    spec.add(QStringLiteral("containers"), containers);
    if (pod.candidate.tensorParallel > 1 || pod.nodes > 1) {
        Node volumes = list();
        Node &shm = volumes.append(map());
        shm.add(QStringLiteral("name"), text(QStringLiteral("dshm")));
        Node &dir = shm.add(QStringLiteral("emptyDir"), map());
        dir.add(QStringLiteral("medium"), text(QStringLiteral("Memory")));
        dir.add(QStringLiteral("sizeLimit"), text(QString::fromLatin1(kShmSize)));
        spec.add(QStringLiteral("volumes"), volumes);
    }
    return spec;
}

Node metadata(const QString &name, const Node &labelSet)
{
    Node m = map();
    m.add(QStringLiteral("name"), text(name));
    m.add(QStringLiteral("labels"), labelSet);
    return m;
}

QStringList header(const Pod &pod, const QString &what)
{
    const engine::Candidate &c = pod.candidate;
    return {
        tr("Generated by EZ Runner for %1 (%2).").arg(pod.options.modelId, c.name),
        what,
    };
}

// apiVersion, kind and metadata of one of the pod's objects.
Node object(const char *apiVersion, const char *kind, const Pod &pod, const QString &name = {})
{
    Node root = map();
    root.add(QStringLiteral("apiVersion"), text(QLatin1String(apiVersion)));
    root.add(QStringLiteral("kind"), text(QLatin1String(kind)));
    root.add(QStringLiteral("metadata"), metadata(name.isEmpty() ? pod.name : name, labels(pod.name)));
    return root;
}

// The selector and the pod template of a Deployment or a StatefulSet.
void addPodTemplate(Node &spec, const Pod &pod, const QString &script)
{
    Node &selector = spec.add(QStringLiteral("selector"), map());
    Node match = map();
    match.add(QStringLiteral("app.kubernetes.io/name"), text(pod.name));
    selector.add(QStringLiteral("matchLabels"), match);
    Node &tmpl = spec.add(QStringLiteral("template"), map());
    Node &tmplMeta = tmpl.add(QStringLiteral("metadata"), map());
    tmplMeta.add(QStringLiteral("labels"), labels(pod.name));
    tmpl.add(QStringLiteral("spec"), podSpec(pod, true, script));
}

ManifestFile deployment(const Pod &pod)
{
    Node root = object("apps/v1", "Deployment", pod);
    Node &spec = root.add(QStringLiteral("spec"), map());
    spec.add(QStringLiteral("replicas"), number(1));
    // A new pod cannot start while the old one holds the GPUs.
    Node &strategy = spec.add(QStringLiteral("strategy"), map());
    strategy.add(QStringLiteral("type"), text(QStringLiteral("Recreate")));
    addPodTemplate(spec, pod, {});
    return { pod.options.filePrefix + QStringLiteral("deployment.yaml"),
        document(header(pod,
                     QCoreApplication::translate("ezr::deploy",
                         "One pod on one node with %n GPU(s); the image's own command serves the model.",
                         nullptr, pod.candidate.gpusPerNode())),
            root) };
}

// The leader's and the workers' scripts for the candidate's launcher.
std::pair<QString, QString> multiNodeScripts(const Pod &pod, const Group &group)
{
    const engine::Candidate &c = pod.candidate;
    const QStringList serve = QStringList { QString::fromLatin1(dockerfile::kImageEntrypoint) } + c.entrypoint
        + c.args + c.multiNodeArgs;
    if (c.multiNodeLauncher == QLatin1String("ray")) {
        const QString leader
            = QStringLiteral("ray start --head --port=%1\n"
                             "# Wait until every node of the group has joined the Ray cluster.\n"
                             "until [ \"$(ray status 2>/dev/null | grep -c ' node_')\" -ge %2 ]; do\n"
                             "  echo \"waiting for the Ray workers\"\n"
                             "  sleep 5\n"
                             "done\n")
                  .arg(kRayPort)
                  .arg(group.size)
            + execLine(serve, group);
        const QString worker
            = QStringLiteral("exec ray start --address=%1:%2 --block").arg(group.leader).arg(kRayPort);
        return { leader, worker };
    }
    // Every node runs the engine with its rank; only rank 0 serves HTTP.
    const QString all = execLine(serve, group);
    return { all, all };
}

ManifestFile leaderWorkerSet(const Pod &pod)
{
    const auto [leaderScript, workerScript] = multiNodeScripts(pod, kLwsGroup);
    Node root = object("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet", pod);
    Node &spec = root.add(QStringLiteral("spec"), map());
    spec.add(QStringLiteral("replicas"), number(1));
    Node &lwt = spec.add(QStringLiteral("leaderWorkerTemplate"), map());
    lwt.add(QStringLiteral("size"), number(pod.nodes));
    // One rank lost stops the model: the whole group restarts together.
    lwt.add(QStringLiteral("restartPolicy"), text(QStringLiteral("RecreateGroupOnPodRestart")));
    Node &leader = lwt.add(QStringLiteral("leaderTemplate"), map());
    Node &leaderMeta = leader.add(QStringLiteral("metadata"), map());
    Node leaderLabels = labels(pod.name);
    leaderLabels.add(QStringLiteral("role"), text(QStringLiteral("leader")));
    leaderMeta.add(QStringLiteral("labels"), leaderLabels);
    leader.add(QStringLiteral("spec"), podSpec(pod, true, leaderScript));
    Node &worker = lwt.add(QStringLiteral("workerTemplate"), map());
    Node &workerMeta = worker.add(QStringLiteral("metadata"), map());
    Node workerLabels = labels(pod.name);
    workerLabels.add(QStringLiteral("role"), text(QStringLiteral("worker")));
    workerMeta.add(QStringLiteral("labels"), workerLabels);
    worker.add(QStringLiteral("spec"), podSpec(pod, false, workerScript));
    const engine::Candidate &c = pod.candidate;
    return { pod.options.filePrefix + QStringLiteral("leaderworkerset.yaml"),
        document(header(pod,
                     tr("%1 nodes of %2 GPUs: tensor parallel %2 in each node, pipeline parallel %1 across "
                        "them.")
                         .arg(pod.nodes)
                         .arg(c.tensorParallel))
                + QStringList { tr("Needs the LeaderWorkerSet API (lws) installed in the cluster."),
                    QStringLiteral("https://github.com/kubernetes-sigs/lws") },
            root) };
}

// Without the LeaderWorkerSet API: a StatefulSet of one pod per node (pod 0 leads) and a headless
// Service that gives each pod a stable name, from core Kubernetes alone.
QString nodesServiceName(const Pod &pod)
{
    return pod.name + QStringLiteral("-nodes");
}

ManifestFile statefulSet(const Pod &pod)
{
    const Group group { QStringLiteral("%1-0.%2").arg(pod.name, nodesServiceName(pod)),
        QString::number(pod.nodes), QStringLiteral("\"$EZR_RANK\"") };
    const auto [leaderScript, workerScript] = multiNodeScripts(pod, group);
    QString script = QStringLiteral("# The pod's rank is its ordinal: ") + pod.name
        + QStringLiteral("-0 leads.\nEZR_RANK=\"${HOSTNAME##*-}\"\n");
    if (leaderScript != workerScript)
        script += QStringLiteral("if [ \"$EZR_RANK\" != 0 ]; then\n  ") + workerScript
            + QStringLiteral("\nfi\n");
    script += leaderScript;

    Node root = object("apps/v1", "StatefulSet", pod);
    Node &spec = root.add(QStringLiteral("spec"), map());
    spec.add(QStringLiteral("replicas"), number(pod.nodes));
    spec.add(QStringLiteral("serviceName"), text(nodesServiceName(pod)));
    // Every node starts at once: the leader waits for the others.
    spec.add(QStringLiteral("podManagementPolicy"), text(QStringLiteral("Parallel")));
    addPodTemplate(spec, pod, script);
    const engine::Candidate &c = pod.candidate;
    return { pod.options.filePrefix + QStringLiteral("statefulset.yaml"),
        document(header(pod,
                     tr("%1 nodes of %2 GPUs: tensor parallel %2 in each node, pipeline parallel %1 across "
                        "them.")
                         .arg(pod.nodes)
                         .arg(c.tensorParallel))
                + QStringList { tr("For clusters without the LeaderWorkerSet API: pod %1-0 leads.")
                                    .arg(pod.name),
                    tr("A lost pod is restarted alone: restart the others if the model stops serving.") },
            root) };
}

ManifestFile nodesService(const Pod &pod)
{
    Node root = object("v1", "Service", pod, nodesServiceName(pod));
    Node &spec = root.add(QStringLiteral("spec"), map());
    spec.add(QStringLiteral("clusterIP"), text(QStringLiteral("None")));
    // The leader's name must resolve before it is ready: the workers join it while it starts.
    spec.add(QStringLiteral("publishNotReadyAddresses"), flag(true));
    Node &selector = spec.add(QStringLiteral("selector"), map());
    selector.add(QStringLiteral("app.kubernetes.io/name"), text(pod.name));
    Node ports = list();
    Node &port = ports.append(map());
    port.add(QStringLiteral("name"), text(QStringLiteral("ray")));
    port.add(QStringLiteral("port"), number(kRayPort));
    spec.add(QStringLiteral("ports"), ports);
    return { pod.options.filePrefix + QStringLiteral("nodes-service.yaml"),
        document(
            header(pod, tr("Stable names for the pods of %1, so that they find their leader.").arg(pod.name)),
            root) };
}

ManifestFile service(const Pod &pod, bool multiNode)
{
    Node root = object("v1", "Service", pod);
    Node &spec = root.add(QStringLiteral("spec"), map());
    spec.add(QStringLiteral("type"), text(QStringLiteral("ClusterIP")));
    Node &selector = spec.add(QStringLiteral("selector"), map());
    selector.add(QStringLiteral("app.kubernetes.io/name"), text(pod.name));
    if (multiNode && pod.oneTemplate)
        selector.add(
            QStringLiteral("statefulset.kubernetes.io/pod-name"), text(pod.name + QStringLiteral("-0")));
    else if (multiNode)
        selector.add(QStringLiteral("role"), text(QStringLiteral("leader")));
    Node ports = list();
    Node &port = ports.append(map());
    port.add(QStringLiteral("name"), text(QStringLiteral("http")));
    port.add(QStringLiteral("port"), number(pod.candidate.port));
    port.add(QStringLiteral("targetPort"), text(QStringLiteral("http")));
    spec.add(QStringLiteral("ports"), ports);
    return { pod.options.filePrefix + QStringLiteral("service.yaml"),
        document(header(pod,
                     tr("The OpenAI-compatible API inside the cluster: http://%1:%2/v1")
                         .arg(pod.name)
                         .arg(pod.candidate.port)),
            root) };
}

ManifestFile kustomization(const Pod &pod, const QStringList &resourceFiles)
{
    Node root = map();
    root.add(QStringLiteral("apiVersion"), text(QStringLiteral("kustomize.config.k8s.io/v1beta1")));
    root.add(QStringLiteral("kind"), text(QStringLiteral("Kustomization")));
    root.add(QStringLiteral("resources"), textList(resourceFiles));
    // Where the site's registry keeps the image: change newName (and newTag) here.
    const QString image = pod.options.image;
    const qsizetype colon = image.lastIndexOf(QLatin1Char(':'));
    const bool tagged = colon > image.lastIndexOf(QLatin1Char('/'));
    Node images = list();
    Node &entry = images.append(map());
    entry.add(QStringLiteral("name"), text(tagged ? image.left(colon) : image));
    entry.add(QStringLiteral("newName"), text(tagged ? image.left(colon) : image));
    if (tagged)
        entry.add(QStringLiteral("newTag"), text(image.mid(colon + 1)));
    root.add(QStringLiteral("images"), images);
    const QString secret = apiKeySecretName(pod.name);
    return { QStringLiteral("kustomization.yaml"),
        document({ tr("Generated by EZ Runner for %1 (%2).").arg(pod.options.modelId, pod.candidate.name),
                     tr("Apply with: kubectl apply -k ."),
                     tr("Site changes go here (namespace, images, node selectors, patches)."),
                     tr("API key: kubectl create secret generic %1 --from-literal=api-key=…").arg(secret),
                     pod.options.apiKeyRequired ? tr("The pods do not start without that Secret.")
                                                : tr("Without that Secret the API needs no key.") },
            root) };
}

} // namespace

QString kubernetesName(const QString &modelId)
{
    static const QRegularExpression bad(QStringLiteral("[^a-z0-9]+"));
    QString name = modelId.section(QLatin1Char('/'), -1).toLower().replace(bad, QStringLiteral("-"));
    name = name.left(63);
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    if (name.isEmpty() || !name.at(0).isLetter())
        name = QStringLiteral("model-") + name;
    // "-api-key" must still fit a name's 63 characters.
    name = name.left(55);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name;
}

QString apiKeySecretName(const QString &name)
{
    return name + QStringLiteral("-api-key");
}

QString gpuResourceName(engine::Accelerator accelerator)
{
    switch (accelerator) {
    case engine::Accelerator::Cuda:
        return QStringLiteral("nvidia.com/gpu");
    case engine::Accelerator::Rocm:
        return QStringLiteral("amd.com/gpu");
    case engine::Accelerator::Cpu:
    case engine::Accelerator::Vulkan:
        break;
    }
    return {};
}

int startupSeconds(qint64 weightBytesPerNode)
{
    const qint64 gib = std::max<qint64>(0, weightBytesPerNode) / kGiB;
    return static_cast<int>(std::min<qint64>(600 + 10 * gib, 24 * 3600));
}

Result<QList<ManifestFile>> renderManifests(
    const engine::Candidate &candidate, const ManifestOptions &options)
{
    if (options.image.isEmpty())
        return Error { ErrorCode::Usage, tr("The manifests need the image the cluster pulls."), {} };
    const QString name = options.name.isEmpty() ? kubernetesName(options.modelId) : options.name;
    static const QRegularExpression label(QStringLiteral("^[a-z]([a-z0-9-]{0,53}[a-z0-9])?$"));
    if (!label.match(name).hasMatch())
        return Error { ErrorCode::Usage,
            tr("\"%1\" is not a Kubernetes name: lower-case letters, digits and '-', starting with a letter, "
               "at most 55 characters.")
                .arg(name),
            {} };
    const bool multiNode = candidate.pipelineParallel > 1;
    if (multiNode && candidate.multiNodeLauncher.isEmpty())
        return Error { ErrorCode::Usage, tr("%1 cannot be served across nodes.").arg(candidate.engineLabel),
            {} };
    const bool oneTemplate = multiNode && options.multiNode == MultiNodeKind::StatefulSet;
    const Pod pod { candidate, options, name, candidate.pipelineParallel, oneTemplate };
    QList<ManifestFile> files;
    files.append(!multiNode ? deployment(pod) : oneTemplate ? statefulSet(pod) : leaderWorkerSet(pod));
    if (oneTemplate)
        files.append(nodesService(pod));
    files.append(service(pod, multiNode));
    QStringList names;
    for (const ManifestFile &f : std::as_const(files))
        names.append(f.name);
    files.append(kustomization(pod, names));
    return files;
}

} // namespace ezr::deploy
