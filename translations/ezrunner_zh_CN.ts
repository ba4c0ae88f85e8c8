<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ezr::Error</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>ezr::cli</name>
    <message>
        <source>Usage: ezrunner [COMMAND] [OPTIONS]
Package an open model as an offline Docker deployment kit.
Without a command (or with a .ezrunner profile) the desktop wizard opens.

Commands:
</source>
        <translation>用法：ezrunner [COMMAND] [OPTIONS]
将开放模型打包为 Docker 离线部署包。
不带命令（或带 .ezrunner 配置文件）时打开桌面向导。

命令：
</translation>
    </message>
    <message>
        <source>Options:
  -h, --help     Show this help (or a command&apos;s: ezrunner COMMAND --help)
  -v, --version  Show the version

Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 authentication, 5 network,
6 Docker unavailable, 7 build failed, 8 not enough space, 9 integrity,
10 does not fit, 130 cancelled.
</source>
        <translation>选项：
  -h, --help     显示此帮助（或某个命令的帮助：ezrunner COMMAND --help）
  -v, --version  显示版本

退出码：0 成功，1 失败，2 用法错误，3 未找到，4 认证失败，5 网络错误，
6 Docker 不可用，7 构建失败，8 空间不足，9 完整性校验失败，
10 资源不足以运行，130 已取消。
</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;.</source>
        <translation>未知选项“%1”。</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>CPU:    %1 (%2 logical cores%3)</source>
        <translation>CPU：   %1（%2 个逻辑核心%3）</translation>
    </message>
    <message>
        <source>RAM:    %1</source>
        <translation>内存：   %1</translation>
    </message>
    <message>
        <source>GPU:    none found</source>
        <translation>GPU：   未找到</translation>
    </message>
    <message>
        <source>GPU %1:  %2, %3, compute capability %4, driver %5, CUDA %6</source>
        <translation>GPU %1： %2，%3，计算能力 %4，驱动 %5，CUDA %6</translation>
    </message>
    <message>
        <source>Disk:   %1 free for Docker, %2 free for the model cache</source>
        <translation>磁盘：   Docker 可用 %1，模型缓存可用 %2</translation>
    </message>
    <message>
        <source>Docker: %1 (client %2), BuildKit %3, GPU runtime %4</source>
        <translation>Docker：%1（客户端 %2），BuildKit %3，GPU 运行时 %4</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Docker: unavailable (%1)</source>
        <translation>Docker：不可用（%1）</translation>
    </message>
    <message>
        <source>Unknown: %1</source>
        <translation>未知：%1</translation>
    </message>
    <message>
        <source>The docker program (default $EZRUNNER_DOCKER or docker on PATH).</source>
        <translation>docker 程序（默认为 $EZRUNNER_DOCKER 或 PATH 中的 docker）。</translation>
    </message>
    <message>
        <source>Use IMAGE for ENGINE instead of the catalog&apos;s (e.g. a registry mirror). Repeatable.</source>
        <translation>对 ENGINE 使用 IMAGE，而非目录中的镜像（如镜像仓库的镜像站）。可重复指定。</translation>
    </message>
    <message>
        <source>Port the engine serves on inside the container. Default: 8080.</source>
        <translation>推理引擎在容器内提供服务的端口。默认：8080。</translation>
    </message>
    <message>
        <source>Profile name recorded in the image&apos;s labels.</source>
        <translation>记录在镜像标签中的配置文件名称。</translation>
    </message>
    <message>
        <source>Seconds between health checks. Default: 30.</source>
        <translation>健康检查间隔秒数。默认：30。</translation>
    </message>
    <message>
        <source>give one MODEL.</source>
        <translation>请指定一个 MODEL。</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>Branch, tag or commit (default: main on Hugging Face, master on ModelScope).</source>
        <translation>分支、标签或提交（默认：Hugging Face 上为 main，ModelScope 上为 master）。</translation>
    </message>
    <message>
        <source>REV</source>
        <translation>REV</translation>
    </message>
    <message>
        <source>Hugging Face endpoint or mirror (default: $HF_ENDPOINT or https://huggingface.co).</source>
        <translation>Hugging Face 端点或镜像站（默认：$HF_ENDPOINT 或 https://huggingface.co）。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>ModelScope endpoint (default: $MODELSCOPE_ENDPOINT or https://modelscope.cn).</source>
        <translation>ModelScope 端点（默认：$MODELSCOPE_ENDPOINT 或 https://modelscope.cn）。</translation>
    </message>
    <message>
        <source>Model cache in the Hugging Face layout (default: $HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub).</source>
        <translation>采用 Hugging Face 布局的模型缓存（默认：$HF_HUB_CACHE、$HF_HOME/hub 或 ~/.cache/huggingface/hub）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <source>Print no progress.</source>
        <translation>不显示进度。</translation>
    </message>
    <message>
        <source>missing MODEL (an owner/name id or a folder).</source>
        <translation>缺少 MODEL（owner/name 形式的 ID 或文件夹）。</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Nothing fits this target.</source>
        <translation>没有适合此目标的方案。</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>已选择：%1</translation>
    </message>
    <message>
        <source>Show the version of EZ Runner and its libraries</source>
        <translation>显示 EZ Runner 及其库的版本</translation>
    </message>
    <message>
        <source>Only this engine: vllm, sglang, tgi, llamacpp or transformers.</source>
        <translation>仅使用此引擎：vllm、sglang、tgi、llamacpp 或 transformers。</translation>
    </message>
    <message>
        <source>Serve with this candidate of the plan (e.g. vllm-bf16-tp2) instead of the chosen one.</source>
        <translation>使用计划中的这个候选（如 vllm-bf16-tp2），而不是选定的候选。</translation>
    </message>
    <message>
        <source>Tokens of context to serve (default: as many as fit).</source>
        <translation>提供的上下文令牌数（默认：尽可能多）。</translation>
    </message>
    <message>
        <source>GPUs to shard the model over (default: the fewest that fit).</source>
        <translation>用于切分模型的 GPU 数（默认：能放下的最少数量）。</translation>
    </message>
    <message>
        <source>Where the model comes from: hf (the default), modelscope, local, or auto (Hugging Face, then ModelScope). Without --source, a path is local and an id that Hugging Face does not have is looked up on ModelScope.</source>
        <translation>模型来源：hf（默认）、modelscope、local，或 auto（先 Hugging Face，再 ModelScope）。未给出 --source 时，路径视为本地，Hugging Face 上没有的 ID 会到 ModelScope 上查找。</translation>
    </message>
    <message>
        <source>%1 takes no arguments.</source>
        <translation>%1 不接受参数。</translation>
    </message>
    <message>
        <source>Write an image as an offline kit (parts, checksums, scripts) to a folder or drive</source>
        <translation>将镜像写成离线部署包（分卷、校验和、脚本），存到文件夹或 U 盘</translation>
    </message>
    <message>
        <source>Folder to write the kit to (e.g. on a USB drive).</source>
        <translation>写入离线部署包的文件夹（例如 U 盘上的文件夹）。</translation>
    </message>
    <message>
        <source>auto (4 GiB − 1 on FAT32, else one file), none, or a size like 2G or 700M.</source>
        <translation>auto（FAT32 上每卷 4 GiB − 1，其他文件系统为单个文件）、none，或 2G、700M 这样的大小。</translation>
    </message>
    <message>
        <source>none or zstd (the target then needs the zstd program).</source>
        <translation>none 或 zstd（目标机器需要安装 zstd 程序）。</translation>
    </message>
    <message>
        <source>Read the written kit back and check every checksum.</source>
        <translation>写完后读回离线部署包并核对每个校验和。</translation>
    </message>
    <message>
        <source>Language of the kit&apos;s README (en, zh_CN); default: the system&apos;s.</source>
        <translation>离线部署包中 README 的语言（en、zh_CN）；默认跟随系统。</translation>
    </message>
    <message>
        <source>Add this profile (it must hold no secrets) to the kit.</source>
        <translation>将此配置文件放入离线部署包（其中不得含有任何密钥）。</translation>
    </message>
    <message>
        <source>List mounted drives with free space and file system, removable first.</source>
        <translation>列出已挂载的驱动器及其可用空间和文件系统，可移动驱动器在前。</translation>
    </message>
    <message>
        <source>The docker program (default: $EZRUNNER_DOCKER, else docker on PATH).</source>
        <translation>docker 程序（默认：$EZRUNNER_DOCKER，否则为 PATH 中的 docker）。</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>以 JSON 格式输出结果。</translation>
    </message>
    <message>
        <source>No progress output.</source>
        <translation>不输出进度。</translation>
    </message>
    <message>
        <source>export needs --to DIR (the folder for the kit).</source>
        <translation>export 需要 --to DIR（离线部署包所在的文件夹）。</translation>
    </message>
    <message>
        <source>Cannot read the profile %1: check the path.</source>
        <translation>无法读取配置文件 %1：请检查路径。</translation>
    </message>
    <message>
        <source>%1  %2  %3 free of %4%5</source>
        <translation>%1  %2  可用 %3，共 %4%5</translation>
    </message>
    <message>
        <source>  (removable)</source>
        <translation>（可移动）</translation>
    </message>
    <message>
        <source>read back and verified</source>
        <translation>已读回并核对</translation>
    </message>
    <message>
        <source>checksums in SHA256SUMS</source>
        <translation>校验和见 SHA256SUMS</translation>
    </message>
    <message>
        <source>On the target: sh load.sh, then sh run.sh (see README.txt).</source>
        <translation>在目标机器上：sh load.sh，然后 sh run.sh（见 README.txt）。</translation>
    </message>
    <message>
        <source>A model id (org/name) on the chosen hub, or a model folder.</source>
        <translation>所选模型库中的模型 ID（组织/名称），或一个模型文件夹。</translation>
    </message>
    <message>
        <source>Write the image as one tar file (docker load &lt; FILE).</source>
        <translation>将镜像写成单个 tar 文件（docker load &lt; FILE）。</translation>
    </message>
    <message>
        <source>Write an offline kit (parts, checksums, scripts) to this folder.</source>
        <translation>将离线部署包（分卷、校验和、脚本）写入此文件夹。</translation>
    </message>
    <message>
        <source>Replay a saved profile; other options override its choices.</source>
        <translation>重放已保存的配置文件；其他选项会覆盖其中的选择。</translation>
    </message>
    <message>
        <source>Save every choice of this run as a profile.</source>
        <translation>将本次运行的所有选择保存为配置文件。</translation>
    </message>
    <message>
        <source>Print the plan and the Dockerfile; download no model files and run no Docker.</source>
        <translation>打印方案和 Dockerfile；不下载模型文件，也不运行 Docker。</translation>
    </message>
    <message>
        <source>Require an API key (given on the target as EZRUNNER_API_KEY).</source>
        <translation>要求 API 密钥（在目标机器上通过 EZRUNNER_API_KEY 提供）。</translation>
    </message>
    <message>
        <source>Kit part size: auto, none or a size like 2G.</source>
        <translation>离线部署包分卷大小：auto、none 或 2G 这样的大小。</translation>
    </message>
    <message>
        <source>Kit compression: none or zstd.</source>
        <translation>离线部署包压缩：none 或 zstd。</translation>
    </message>
    <message>
        <source>Read the kit back and check every checksum.</source>
        <translation>读回离线部署包并核对每个校验和。</translation>
    </message>
    <message>
        <source>--%1 wants a whole number from %2 to %3.</source>
        <translation>--%1 需要 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>The profile %1 is a draft that names no model: give MODEL, or choose a model in EZ Runner and save the profile again.</source>
        <translation>配置文件 %1 是尚未指定模型的草稿：请给出 MODEL，或在 EZ Runner 中选择模型后重新保存配置文件。</translation>
    </message>
    <message>
        <source>Cannot read the report %1.</source>
        <translation>无法读取报告 %1。</translation>
    </message>
    <message>
        <source>%1 is not a report of “ezrunner hw --json”.</source>
        <translation>%1 不是“ezrunner hw --json”生成的报告。</translation>
    </message>
    <message>
        <source>--engine wants one of: %1.</source>
        <translation>--engine 的取值须为以下之一：%1。</translation>
    </message>
    <message>
        <source>Cannot read the Dockerfile %1. Check the path.</source>
        <translation>无法读取 Dockerfile %1。请检查路径。</translation>
    </message>
    <message>
        <source>Give either -o FILE.tar or --to DIR, not both.</source>
        <translation>请只给出 -o FILE.tar 或 --to DIR 中的一个。</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>模型：%1（%2）</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>镜像：%1</translation>
    </message>
    <message>
        <source>Dockerfile:</source>
        <translation>Dockerfile：</translation>
    </message>
    <message>
        <source>Image %1 (%2) written to %3</source>
        <translation>镜像 %1（%2）已写入 %3</translation>
    </message>
    <message>
        <source>The quantization variant to use among the repository&apos;s GGUF files (e.g. Q4_K_M).</source>
        <translation>从仓库的 GGUF 文件中选用的量化变体（例如 Q4_K_M）。</translation>
    </message>
    <message>
        <source>Name of the image. Default: ezrunner/&lt;model&gt;:&lt;candidate&gt;.</source>
        <translation>镜像名称。默认：ezrunner/&lt;模型&gt;:&lt;候选方案&gt;。</translation>
    </message>
    <message>
        <source>Build this (edited) Dockerfile instead of the generated one.</source>
        <translation>构建这个（编辑过的）Dockerfile，而不是生成的那个。</translation>
    </message>
    <message>
        <source>auto, buildkit or legacy. Default: auto.</source>
        <translation>auto、buildkit 或 legacy。默认：auto。</translation>
    </message>
    <message>
        <source>Build every layer again.</source>
        <translation>重新构建每一层。</translation>
    </message>
    <message>
        <source>--builder wants auto, buildkit or legacy.</source>
        <translation>--builder 的值应为 auto、buildkit 或 legacy。</translation>
    </message>
    <message>
        <source>--served-name wants a model id like owner/name or name.</source>
        <translation>--served-name 的值应为模型 id，例如 owner/name 或 name。</translation>
    </message>
    <message>
        <source>The model id the image serves, sent by clients as &quot;model&quot; (default: the repository id, or the model folder&apos;s name).</source>
        <translation>镜像提供服务时使用的模型 id，客户端在 &quot;model&quot; 中发送它（默认：仓库 id，或模型文件夹的名称）。</translation>
    </message>
    <message>
        <source>The whole pipeline: inspect, plan, download, Dockerfile, build, test (--smoke-test) and export (or replay a profile)</source>
        <translation>完整流程：检查、规划、下载、Dockerfile、构建、测试（--smoke-test）和导出（或重放配置文件）</translation>
    </message>
    <message>
        <source>The smoke test was not run: %1</source>
        <translation>未运行冒烟测试：%1</translation>
    </message>
    <message>
        <source>Smoke test passed offline: first token after %1 ms, %2 tokens/s.</source>
        <translation>离线冒烟测试通过：首个 token 用时 %1 毫秒，%2 tokens/秒。</translation>
    </message>
    <message>
        <source>Before exporting, start the image with no network (--network none) and check that it serves: health, /v1/models, one chat (as &quot;ezrunner test&quot;). A failure stops the pack with exit 1 and nothing is exported; an image this computer cannot run (a GPU it lacks) is exported, and the kit&apos;s SMOKE-TEST.txt says why it was not run.</source>
        <translation>导出之前，在无网络（--network none）的情况下启动镜像并检查其能否提供服务：健康检查、/v1/models、一次对话（与 “ezrunner test” 相同）。测试失败时打包以退出码 1 停止，不导出任何内容；本机无法运行的镜像（缺少所需 GPU）照常导出，套件中的 SMOKE-TEST.txt 会说明未运行的原因。</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>Read the engine&apos;s last log lines; check the served id (--served-name), the port (--port) and whether the image expects an API key (--api-key).</source>
        <translation>请查看引擎日志的最后几行；检查服务 ID（--served-name）、端口（--port）以及镜像是否需要 API 密钥（--api-key）。</translation>
    </message>
    <message>
        <source>Offline smoke test of an image: --network none, health, /v1/models, one chat</source>
        <translation>镜像的离线冒烟测试：--network none、健康检查、/v1/models、一次对话</translation>
    </message>
    <message>
        <source>Starts IMAGE with no network at all (docker run --network none, no published port), waits for the engine&apos;s health, then from inside the container (with its curl, wget or python3) checks that /v1/models lists the served id and streams one short chat completion (temperature 0). Reports the time to healthy, the time to first token and tokens/s. The container is removed however the test ends.
Exit codes: 0 passed; 1 failed (the image does not serve: the reason and the engine&apos;s last log lines are printed); 10 not run (this computer cannot run the image, e.g. a GPU image without that GPU); 3 no such image; 6 Docker unavailable; 130 cancelled.</source>
        <translation>在完全无网络的情况下启动 IMAGE（docker run --network none，不发布端口），等待引擎健康，然后在容器内部（使用其 curl、wget 或 python3）检查 /v1/models 是否列出服务 ID，并流式获取一次简短的对话补全（temperature 0）。报告达到健康的时间、首个 token 的时间和 tokens/秒。无论测试如何结束，容器都会被删除。
退出码：0 通过；1 失败（镜像无法提供服务：会打印原因和引擎日志的最后几行）；10 未运行（本机无法运行该镜像，例如没有对应 GPU 的 GPU 镜像）；3 没有该镜像；6 Docker 不可用；130 已取消。</translation>
    </message>
    <message>
        <source>The image to test (built by EZ Runner).</source>
        <translation>要测试的镜像（由 EZ Runner 构建）。</translation>
    </message>
    <message>
        <source>The port the engine listens on inside the image (default: the image&apos;s io.ezrunner.port label, else 8080).</source>
        <translation>引擎在镜像内监听的端口（默认：镜像的 io.ezrunner.port 标签，否则为 8080）。</translation>
    </message>
    <message>
        <source>The model id the engine must list (default: the image&apos;s io.ezrunner.model label).</source>
        <translation>引擎必须列出的模型 ID（默认：镜像的 io.ezrunner.model 标签）。</translation>
    </message>
    <message>
        <source>Start the engine with the API key in $EZRUNNER_API_KEY (a random one when it is not set) and send it; the key is passed through the environment, never on a command line.</source>
        <translation>使用 $EZRUNNER_API_KEY 中的 API 密钥启动引擎并发送该密钥（未设置时使用随机密钥）；密钥通过环境变量传递，绝不出现在命令行上。</translation>
    </message>
    <message>
        <source>Seconds to wait for the engine to be healthy (default: the image&apos;s start period plus two minutes, at least five).</source>
        <translation>等待引擎健康的秒数（默认：镜像的启动期加两分钟，至少五分钟）。</translation>
    </message>
    <message>
        <source>test needs exactly one IMAGE.</source>
        <translation>test 需要且只需要一个 IMAGE。</translation>
    </message>
    <message>
        <source>--port wants a whole number from 1 to 65535.</source>
        <translation>--port 需要 1 到 65535 之间的整数。</translation>
    </message>
    <message>
        <source>--timeout wants a whole number of seconds from 1 to 86400.</source>
        <translation>--timeout 需要 1 到 86400 之间的整数秒数。</translation>
    </message>
    <message>
        <source>Run the kit&apos;s run.sh on the target to test it there.</source>
        <translation>请在目标机器上运行套件的 run.sh 进行测试。</translation>
    </message>
    <message>
        <source>The smoke test failed: %1</source>
        <translation>冒烟测试失败：%1</translation>
    </message>
    <message>
        <source>--target this cannot be one of several nodes: give each node&apos;s report (&quot;ezrunner hw --json&quot; made there).</source>
        <translation>--target this 不能作为多个节点之一：请给出每个节点的报告（在该节点上用 &quot;ezrunner hw --json&quot; 生成）。</translation>
    </message>
    <message>
        <source>give a MODEL or --profile FILE.</source>
        <translation>请给出 MODEL 或 --profile FILE。</translation>
    </message>
    <message>
        <source>The machine that will serve: a report file from &quot;ezrunner hw --json&quot;, or a GPU like 2xA100-80GB, RTX4090, cpu, or nodes × GPUs like 2x8xH100-80GB (default: this computer). Given more than once: the nodes of one target, each a report.</source>
        <translation>提供服务的机器：&quot;ezrunner hw --json&quot; 生成的报告文件，或 2xA100-80GB、RTX4090、cpu 这样的 GPU，或 2x8xH100-80GB 这样的“节点数 × GPU 数”（默认：本机）。多次给出时：表示同一目标的多个节点，每个都是一份报告。</translation>
    </message>
    <message>
        <source>Docker: remote host %1 (version %2, %3, %4 CPUs, %5 RAM), BuildKit %6, GPU runtime %7</source>
        <translation>Docker：远程主机 %1（版本 %2，%3，%4 个 CPU，内存 %5），BuildKit %6，GPU 运行时 %7</translation>
    </message>
    <message>
        <source>unknown system</source>
        <translation>未知系统</translation>
    </message>
    <message>
        <source>Docker: remote host %1 unavailable (%2)</source>
        <translation>Docker：远程主机 %1 不可用（%2）</translation>
    </message>
    <message>
        <source>Tag an image for a site registry and push it there</source>
        <translation>为站点镜像仓库标记镜像并推送</translation>
    </message>
    <message>
        <source>Tags IMAGE as HOST[:PORT][/PREFIX]/NAME:TAG and runs docker push. The login is Docker&apos;s own (docker login HOST); EZ Runner never asks for a registry password.
Exit codes: 0 pushed; 2 bad IMAGE or --registry; 3 no such image here; 4 the registry wants a login or refused it; 5 the registry cannot be reached; 6 Docker unavailable, or a plain HTTP registry Docker is not told is insecure; 130 cancelled.</source>
        <translation>将 IMAGE 标记为 HOST[:PORT][/PREFIX]/NAME:TAG 并运行 docker push。登录使用 Docker 自己的凭据（docker login HOST）；EZ Runner 从不索要镜像仓库密码。
退出码：0 已推送；2 IMAGE 或 --registry 有误；3 本机没有该镜像；4 镜像仓库需要登录或拒绝了登录；5 无法连接镜像仓库；6 Docker 不可用，或纯 HTTP 镜像仓库未在 Docker 中登记为 insecure；130 已取消。</translation>
    </message>
    <message>
        <source>The image to push (NAME:TAG).</source>
        <translation>要推送的镜像（NAME:TAG）。</translation>
    </message>
    <message>
        <source>Where to push: HOST[:PORT][/PREFIX], e.g. registry.lan:5000/models.</source>
        <translation>推送位置：HOST[:PORT][/PREFIX]，例如 registry.lan:5000/models。</translation>
    </message>
    <message>
        <source>push needs exactly one IMAGE.</source>
        <translation>push 需要且只需要一个 IMAGE。</translation>
    </message>
    <message>
        <source>push needs --registry HOST[:PORT][/PREFIX].</source>
        <translation>push 需要 --registry HOST[:PORT][/PREFIX]。</translation>
    </message>
    <message>
        <source>Pushed %1.</source>
        <translation>已推送 %1。</translation>
    </message>
    <message>
        <source>Pushed %1 (%2).</source>
        <translation>已推送 %1（%2）。</translation>
    </message>
    <message>
        <source>On other hosts: docker pull %1</source>
        <translation>在其他主机上：docker pull %1</translation>
    </message>
    <message>
        <source>pack wants -o FILE.tar, --to DIR or --push REGISTRY (or a profile with an export destination).</source>
        <translation>pack 需要 -o FILE.tar、--to DIR 或 --push REGISTRY（或带导出位置的配置文件）。</translation>
    </message>
    <message>
        <source>Image %1 pushed as %2 (%3); on other hosts: docker pull %2</source>
        <translation>镜像 %1 已推送为 %2（%3）；在其他主机上：docker pull %2</translation>
    </message>
    <message>
        <source>Also push the image to this site registry (as &quot;ezrunner push&quot;); alone, without -o or --to, the registry is the only delivery.</source>
        <translation>同时把镜像推送到此站点镜像仓库（与 &quot;ezrunner push&quot; 相同）；单独使用、不带 -o 或 --to 时，只推送到镜像仓库。</translation>
    </message>
    <message>
        <source>The Docker images to export (several: one kit, shared layers stored once).</source>
        <translation>要导出的 Docker 镜像（多个时：放在一个离线部署包中，共享的层只存一份）。</translation>
    </message>
    <message>
        <source>Leave out the layers the target already has, from its report (probe.sh or hw --json).</source>
        <translation>根据目标机器的报告（probe.sh 或 hw --json）略去它已有的层。</translation>
    </message>
    <message>
        <source>export needs at least one IMAGE.</source>
        <translation>export 至少需要一个 IMAGE。</translation>
    </message>
    <message>
        <source>Leave out what earlier kits for this target delivered (its ledger), then record what this kit delivers. With --target-has: what either lists.</source>
        <translation>略去此前为该目标机器交付的离线部署包已带去的内容（它的台账），并记下本部署包交付的内容。与 --target-has 同用时：略去两者之一列出的内容。</translation>
    </message>
    <message>
        <source>List the targets with a ledger (--for-target) and what each has.</source>
        <translation>列出有台账（--for-target）的目标机器及各自已有的内容。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>--target-has and --for-target leave layers out of a kit: use them with --to DIR.</source>
        <translation>--target-has 和 --for-target 会从离线部署包中略去层：请与 --to DIR 一起使用。</translation>
    </message>
    <message>
        <source>Leave out of the kit the layers the target already has, from its report (probe.sh or hw --json).</source>
        <translation>根据目标机器的报告（probe.sh 或 hw --json），从离线部署包中略去它已有的层。</translation>
    </message>
    <message>
        <source>Leave out of the kit what earlier kits for this target delivered (its ledger), then record this kit there. Saved in the profile.</source>
        <translation>从离线部署包中略去此前为该目标机器交付过的内容（它的台账），并把本部署包记入台账。会保存在配置文件中。</translation>
    </message>
    <message numerus="yes">
        <source>%n of them the target has in another image: load.sh writes them again from its files (RESTORE).</source>
        <translation>
            <numerusform>其中 %n 层目标机器在另一个镜像中已有：load.sh 会用该镜像的文件重新写出它们（RESTORE）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ezr::cli::BuildCommand</name>
    <message>
        <source>Build the Docker image that serves a model offline</source>
        <translation>构建离线提供模型服务的 Docker 镜像</translation>
    </message>
</context>
<context>
    <name>ezr::cli::Console</name>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Run &apos;ezrunner --help&apos; for usage.</source>
        <translation>运行“ezrunner --help”查看用法。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%1% overall</source>
        <translation>总体 %1%</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>提示：%1</translation>
    </message>
</context>
<context>
    <name>ezr::cli::DockerfileCommand</name>
    <message>
        <source>Write the Dockerfile that serves a model with the chosen engine</source>
        <translation>写出用所选引擎提供模型服务的 Dockerfile</translation>
    </message>
    <message>
        <source>Write to FILE instead of standard output.</source>
        <translation>写入 FILE，而不是标准输出。</translation>
    </message>
    <message>
        <source>Serving with %1 (%2) for %3.</source>
        <translation>使用 %1（%2）为 %3 提供服务。</translation>
    </message>
    <message>
        <source>Cannot write %1. Check the folder&apos;s permissions and free space.</source>
        <translation>无法写入 %1。请检查文件夹的权限和剩余空间。</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
</context>
<context>
    <name>ezr::cli::DownloadCommand</name>
    <message>
        <source>Download a model into the Hugging Face cache, verified</source>
        <translation>将模型下载到 Hugging Face 缓存并校验</translation>
    </message>
    <message>
        <source>owner/name on Hugging Face or ModelScope.</source>
        <translation>Hugging Face 或 ModelScope 上的 owner/name。</translation>
    </message>
    <message>
        <source>Also place the files in DIR (hard links to the cache when possible).</source>
        <translation>同时将文件放入 DIR（尽可能使用指向缓存的硬链接）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Only files matching GLOB (repeatable), e.g. &apos;*.safetensors&apos;.</source>
        <translation>仅下载匹配 GLOB 的文件（可重复指定），如 &apos;*.safetensors&apos;。</translation>
    </message>
    <message>
        <source>GLOB</source>
        <translation>GLOB</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>download takes one MODEL.</source>
        <translation>download 只接受一个 MODEL。</translation>
    </message>
    <message>
        <source>--connections takes a number from 1 to 64.</source>
        <translation>--connections 需要 1 到 64 之间的数字。</translation>
    </message>
    <message>
        <source>Connections at once (default %1).</source>
        <translation>同时使用的连接数（默认 %1）。</translation>
    </message>
</context>
<context>
    <name>ezr::cli::HwCommand</name>
    <message>
        <source>Report this machine&apos;s hardware (also the format of target reports)</source>
        <translation>报告本机硬件（也是目标报告的格式）</translation>
    </message>
    <message>
        <source>Print JSON (save it on the target machine and pass it to --target).</source>
        <translation>输出 JSON（在目标机器上保存后传给 --target）。</translation>
    </message>
    <message>
        <source>Print no progress.</source>
        <translation>不显示进度。</translation>
    </message>
</context>
<context>
    <name>ezr::cli::InspectCommand</name>
    <message>
        <source>Show a model&apos;s facts (format, parameters, dtype, context, files)</source>
        <translation>显示模型信息（格式、参数量、dtype、上下文、文件）</translation>
    </message>
    <message>
        <source>owner/name on a hub, or a folder.</source>
        <translation>模型仓库上的 owner/name，或文件夹。</translation>
    </message>
    <message>
        <source>inspect takes one MODEL.</source>
        <translation>inspect 只接受一个 MODEL。</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation>修订版本：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>架构：</translation>
    </message>
    <message>
        <source>Model type:</source>
        <translation>模型类型：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数量：</translation>
    </message>
    <message>
        <source>Dtype:</source>
        <translation>Dtype：</translation>
    </message>
    <message>
        <source>Quantization:</source>
        <translation>量化：</translation>
    </message>
    <message>
        <source>%1, %2-bit</source>
        <translation>%1，%2 位</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个令牌</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>Gated:</source>
        <translation>需授权：</translation>
    </message>
    <message>
        <source>yes (accept the terms on the model page and add a token)</source>
        <translation>是（请在模型页面接受条款并添加令牌）</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Files (%1):</source>
        <translation>文件（%1）：</translation>
    </message>
</context>
<context>
    <name>ezr::cli::ManifestsCommand</name>
    <message>
        <source>Write Kubernetes manifests that serve a model (a LeaderWorkerSet across nodes)</source>
        <translation>生成在 Kubernetes 上提供模型服务的清单（跨节点时使用 LeaderWorkerSet）</translation>
    </message>
    <message>
        <source>The folder to write the manifests to.</source>
        <translation>写入清单的文件夹。</translation>
    </message>
    <message>
        <source>The image the cluster pulls (default: the image `ezrunner build` makes, e.g. from the site registry).</source>
        <translation>集群拉取的镜像（默认：`ezrunner build` 构建的镜像，例如来自站点镜像仓库）。</translation>
    </message>
    <message>
        <source>The workload&apos;s name (default: from the model id).</source>
        <translation>工作负载名称（默认：由模型 ID 生成）。</translation>
    </message>
    <message>
        <source>give the folder with -o DIR.</source>
        <translation>请用 -o DIR 指定文件夹。</translation>
    </message>
    <message>
        <source>Cannot make the folder %1. Check its permissions.</source>
        <translation>无法创建文件夹 %1。请检查其权限。</translation>
    </message>
    <message>
        <source>Cannot write %1. Check the folder&apos;s permissions and free space.</source>
        <translation>无法写入 %1。请检查文件夹的权限和可用空间。</translation>
    </message>
    <message>
        <source>%1 on %2 nodes of %3 GPUs (a LeaderWorkerSet). Apply with: kubectl apply -k %4</source>
        <translation>%1 运行在 %2 个节点上，每个节点 %3 块 GPU（LeaderWorkerSet）。应用方式：kubectl apply -k %4</translation>
    </message>
    <message>
        <source>%1 on one node. Apply with: kubectl apply -k %2</source>
        <translation>%1 运行在一个节点上。应用方式：kubectl apply -k %2</translation>
    </message>
    <message>
        <source>The site registry the cluster pulls from: the image&apos;s name under it, as &quot;ezrunner push&quot; puts it there.</source>
        <translation>集群从中拉取镜像的站点镜像仓库：使用镜像在其中的名称，与 &quot;ezrunner push&quot; 推送时一致。</translation>
    </message>
    <message>
        <source>give --image or --registry, not both.</source>
        <translation>请只给出 --image 或 --registry 中的一个。</translation>
    </message>
    <message>
        <source>Across nodes: lws (a LeaderWorkerSet, the default; the cluster needs the LWS controller) or statefulset (core Kubernetes only).</source>
        <translation>跨节点时：lws（LeaderWorkerSet，默认；集群需要 LWS 控制器）或 statefulset（只用 Kubernetes 核心 API）。</translation>
    </message>
    <message>
        <source>--multi-node wants lws or statefulset.</source>
        <translation>--multi-node 的值应为 lws 或 statefulset。</translation>
    </message>
</context>
<context>
    <name>ezr::cli::PlanCommand</name>
    <message>
        <source>Choose an engine for a model on a target machine and check it fits</source>
        <translation>为目标机器上的模型选择推理引擎，并检查是否能运行</translation>
    </message>
</context>
<context>
    <name>ezr::cli::SearchCommand</name>
    <message>
        <source>Find models on Hugging Face or ModelScope</source>
        <translation>在 Hugging Face 或 ModelScope 上查找模型</translation>
    </message>
    <message>
        <source>Words in the model id.</source>
        <translation>模型 ID 中的关键词。</translation>
    </message>
    <message>
        <source>How many results (default 20).</source>
        <translation>结果数量（默认 20）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>downloads (default), likes, trending, created or modified.</source>
        <translation>downloads（默认）、likes、trending、created 或 modified。</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>KEY</translation>
    </message>
    <message>
        <source>search takes one QUERY.</source>
        <translation>search 只接受一个 QUERY。</translation>
    </message>
    <message>
        <source>search works on --source hf or modelscope.</source>
        <translation>search 仅支持 --source hf 或 modelscope。</translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to 1000.</source>
        <translation>--limit 需要 1 到 1000 之间的数字。</translation>
    </message>
    <message>
        <source>%1 downloads</source>
        <translation>%1 次下载</translation>
    </message>
    <message>
        <source>gated</source>
        <translation>需授权</translation>
    </message>
    <message>
        <source>No model matches &apos;%1&apos;.</source>
        <translation>没有与“%1”匹配的模型。</translation>
    </message>
</context>
<context>
    <name>ezr::cli::TokenCommand</name>
    <message>
        <source>Keep a hub token in the system keychain: set, status or clear</source>
        <translation>在系统钥匙串中保存模型仓库令牌：set、status 或 clear</translation>
    </message>
    <message>
        <source>set (token read from stdin), status or clear.</source>
        <translation>set（从 stdin 读取令牌）、status 或 clear。</translation>
    </message>
    <message>
        <source>hf or modelscope.</source>
        <translation>hf 或 modelscope。</translation>
    </message>
    <message>
        <source>usage: ezrunner token set|status|clear hf|modelscope</source>
        <translation>用法：ezrunner token set|status|clear hf|modelscope</translation>
    </message>
    <message>
        <source>the hub is hf or modelscope.</source>
        <translation>模型仓库须为 hf 或 modelscope。</translation>
    </message>
    <message>
        <source>give the token on stdin, e.g.: printf %s &quot;$TOKEN&quot; | ezrunner token set hf</source>
        <translation>请通过 stdin 提供令牌，例如：printf %s &quot;$TOKEN&quot; | ezrunner token set hf</translation>
    </message>
    <message>
        <source>Token saved in the system keychain.</source>
        <translation>令牌已保存到系统钥匙串。</translation>
    </message>
    <message>
        <source>%1 is set and wins over the keychain.</source>
        <translation>已设置 %1，其优先级高于钥匙串。</translation>
    </message>
    <message>
        <source>Token removed from the system keychain.</source>
        <translation>令牌已从系统钥匙串中移除。</translation>
    </message>
    <message>
        <source>%1 is still set in the environment.</source>
        <translation>环境变量中仍设置了 %1。</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;: use set, status or clear.</source>
        <translation>未知操作“%1”：请使用 set、status 或 clear。</translation>
    </message>
    <message>
        <source>No token is set. Add one: printf %s &quot;$TOKEN&quot; | ezrunner token set %1</source>
        <translation>未设置令牌。添加方法：printf %s &quot;$TOKEN&quot; | ezrunner token set %1</translation>
    </message>
    <message>
        <source>the keychain</source>
        <translation>钥匙串</translation>
    </message>
    <message>
        <source>A token is set (from %1), but %2 is not an official hub host nor a trusted mirror, so it was not sent there to be checked. Mark the mirror trusted in the settings to use the token with it.</source>
        <translation>已设置令牌（来自 %1），但 %2 既不是官方模型仓库主机，也不是受信任的镜像站，因此未将令牌发送到该处进行验证。请在设置中将该镜像站标记为受信任，以便对其使用令牌。</translation>
    </message>
    <message>
        <source>The token from %1 was refused. Set a valid one: ezrunner token set %2</source>
        <translation>来自 %1 的令牌被拒绝。请设置有效令牌：ezrunner token set %2</translation>
    </message>
    <message>
        <source>the token check</source>
        <translation>令牌验证</translation>
    </message>
    <message>
        <source>The token from %1 is valid (user %2).</source>
        <translation>来自 %1 的令牌有效（用户 %2）。</translation>
    </message>
</context>
<context>
    <name>ezr::deploy</name>
    <message>
        <source>Generated by EZ Runner for %1 (%2).</source>
        <translation>由 EZ Runner 为 %1（%2）生成。</translation>
    </message>
    <message numerus="yes">
        <source>One pod on one node with %n GPU(s); the image&apos;s own command serves the model.</source>
        <translation>
            <numerusform>一个节点上的一个 Pod，使用 %n 块 GPU；由镜像自带的命令提供模型服务。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 nodes of %2 GPUs: tensor parallel %2 in each node, pipeline parallel %1 across them.</source>
        <translation>%1 个节点，每个 %2 块 GPU：节点内张量并行 %2，节点间流水线并行 %1。</translation>
    </message>
    <message>
        <source>Needs the LeaderWorkerSet API (lws) installed in the cluster.</source>
        <translation>需要集群中已安装 LeaderWorkerSet API（lws）。</translation>
    </message>
    <message>
        <source>The OpenAI-compatible API inside the cluster: http://%1:%2/v1</source>
        <translation>集群内的 OpenAI 兼容 API：http://%1:%2/v1</translation>
    </message>
    <message>
        <source>Apply with: kubectl apply -k .</source>
        <translation>应用方式：kubectl apply -k .</translation>
    </message>
    <message>
        <source>Site changes go here (namespace, images, node selectors, patches).</source>
        <translation>站点的修改写在这里（命名空间、镜像、节点选择器、补丁）。</translation>
    </message>
    <message>
        <source>API key: kubectl create secret generic %1 --from-literal=api-key=…</source>
        <translation>API 密钥：kubectl create secret generic %1 --from-literal=api-key=…</translation>
    </message>
    <message>
        <source>The pods do not start without that Secret.</source>
        <translation>没有该 Secret 时 Pod 不会启动。</translation>
    </message>
    <message>
        <source>Without that Secret the API needs no key.</source>
        <translation>没有该 Secret 时 API 不需要密钥。</translation>
    </message>
    <message>
        <source>The manifests need the image the cluster pulls.</source>
        <translation>清单需要集群拉取的镜像。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Kubernetes name: lower-case letters, digits and &apos;-&apos;, starting with a letter, at most 55 characters.</source>
        <translation>&quot;%1&quot; 不是有效的 Kubernetes 名称：只能包含小写字母、数字和 &apos;-&apos;，以字母开头，最多 55 个字符。</translation>
    </message>
    <message>
        <source>%1 cannot be served across nodes.</source>
        <translation>%1 无法跨节点提供服务。</translation>
    </message>
    <message>
        <source>For clusters without the LeaderWorkerSet API: pod %1-0 leads.</source>
        <translation>适用于没有 LeaderWorkerSet API 的集群：由 Pod %1-0 担任领导者。</translation>
    </message>
    <message>
        <source>A lost pod is restarted alone: restart the others if the model stops serving.</source>
        <translation>丢失的 Pod 会被单独重启：如果模型停止服务，请重启其他 Pod。</translation>
    </message>
    <message>
        <source>Stable names for the pods of %1, so that they find their leader.</source>
        <translation>为 %1 的各个 Pod 提供固定名称，以便它们找到领导者。</translation>
    </message>
</context>
<context>
    <name>ezr::docker</name>
    <message>
        <source>Docker answered in a way EZ Runner does not understand.</source>
        <translation>Docker 的响应无法被 EZ Runner 识别。</translation>
    </message>
    <message>
        <source>The Docker daemon does not answer. Check that it is running and that DOCKER_HOST or the docker context points at it.</source>
        <translation>Docker 守护进程未响应。请检查它是否正在运行，以及 DOCKER_HOST 或 docker context 是否指向它。</translation>
    </message>
    <message>
        <source>You may not use the Docker daemon&apos;s socket. Add yourself to the docker group (sudo usermod -aG docker $USER), then log out and in again.</source>
        <translation>你无权使用 Docker 守护进程的套接字。请将自己加入 docker 组（sudo usermod -aG docker $USER），然后注销并重新登录。</translation>
    </message>
    <message>
        <source>The Docker daemon is not running. Start it (sudo systemctl start docker, or Docker Desktop), or check DOCKER_HOST and the docker context.</source>
        <translation>Docker 守护进程未运行。请启动它（sudo systemctl start docker，或 Docker Desktop），或检查 DOCKER_HOST 和 docker context。</translation>
    </message>
    <message>
        <source>Docker refused to answer. Check that the Docker daemon runs and that you may use it.</source>
        <translation>Docker 拒绝响应。请检查 Docker 守护进程是否正在运行，以及你是否有权使用它。</translation>
    </message>
    <message>
        <source>Docker is not installed (cannot run %1). Install Docker, or tell EZ Runner where its program is.</source>
        <translation>未安装 Docker（无法运行 %1）。请安装 Docker，或告诉 EZ Runner 它的程序在哪里。</translation>
    </message>
    <message>
        <source>Docker is not installed (%1 not found). Install Docker, or tell EZ Runner where its program is.</source>
        <translation>未安装 Docker（找不到 %1）。请安装 Docker，或告诉 EZ Runner 它的程序在哪里。</translation>
    </message>
    <message>
        <source>Docker stopped answering while %1. %2</source>
        <translation>%1时 Docker 停止了响应。%2</translation>
    </message>
    <message>
        <source>The Docker daemon on the remote host %1 does not answer. Check that the host is up and reachable from here, and that DOCKER_HOST or the docker context names it rightly.</source>
        <translation>远程主机 %1 上的 Docker 守护进程没有响应。请检查该主机是否已开机且可从本机访问，以及 DOCKER_HOST 或 docker 上下文是否正确指向它。</translation>
    </message>
    <message>
        <source>Cannot reach the Docker daemon on the remote host %1. Check that Docker runs there and listens on that address, that no firewall is in the way, and that DOCKER_HOST or the docker context names it rightly.</source>
        <translation>无法连接远程主机 %1 上的 Docker 守护进程。请检查该主机上 Docker 是否在运行并监听该地址、是否有防火墙阻挡，以及 DOCKER_HOST 或 docker 上下文是否正确指向它。</translation>
    </message>
    <message>
        <source>The docker context “%1” (DOCKER_CONTEXT) could not be read. Check its name with docker context ls.</source>
        <translation>无法读取 docker 上下文“%1”（DOCKER_CONTEXT）。请用 docker context ls 检查其名称。</translation>
    </message>
    <message>
        <source>docker context inspect named no Docker daemon for the current context.</source>
        <translation>docker context inspect 没有给出当前上下文的 Docker 守护进程。</translation>
    </message>
    <message>
        <source>--registry needs HOST[:PORT][/PREFIX], e.g. registry.lan:5000/models.</source>
        <translation>--registry 需要 HOST[:PORT][/PREFIX]，例如 registry.lan:5000/models。</translation>
    </message>
    <message>
        <source>Give --registry as HOST[:PORT][/PREFIX] without http:// or https:// (%1): Docker chooses the protocol.</source>
        <translation>请以 HOST[:PORT][/PREFIX] 的形式给出 --registry，不要带 http:// 或 https://（%1）：协议由 Docker 决定。</translation>
    </message>
    <message>
        <source>The registry %1 has characters a registry address cannot have: give HOST[:PORT][/PREFIX].</source>
        <translation>镜像仓库 %1 含有地址中不能出现的字符：请给出 HOST[:PORT][/PREFIX]。</translation>
    </message>
    <message>
        <source>The registry %1 has a bad IPv6 address: write it as [ADDRESS]:PORT.</source>
        <translation>镜像仓库 %1 的 IPv6 地址有误：请写成 [ADDRESS]:PORT。</translation>
    </message>
    <message>
        <source>The registry %1 has an empty port.</source>
        <translation>镜像仓库 %1 的端口为空。</translation>
    </message>
    <message>
        <source>The registry %1 has more than one port.</source>
        <translation>镜像仓库 %1 有多个端口。</translation>
    </message>
    <message>
        <source>The registry %1 has no valid host name: give HOST[:PORT][/PREFIX].</source>
        <translation>镜像仓库 %1 没有有效的主机名：请给出 HOST[:PORT][/PREFIX]。</translation>
    </message>
    <message>
        <source>The registry&apos;s port %1 is not a number from 1 to 65535.</source>
        <translation>镜像仓库的端口 %1 不是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>Docker would read %1 as a Docker Hub account, not as a registry: give the port (%1:5000) or the full host name (%1.example.lan).</source>
        <translation>Docker 会把 %1 当作 Docker Hub 帐户而不是镜像仓库：请给出端口（%1:5000）或完整主机名（%1.example.lan）。</translation>
    </message>
    <message>
        <source>The registry path %1 is not a valid repository path: use lower-case letters, digits and . _ - between slashes.</source>
        <translation>镜像仓库路径 %1 不是有效的仓库路径：斜杠之间只能使用小写字母、数字和 . _ -。</translation>
    </message>
    <message>
        <source>Push an image by its name (repository:tag), not by its id: %1. Tag it first (docker tag ID NAME:TAG).</source>
        <translation>请按名称（repository:tag）推送镜像，而不是按 ID：%1。请先为其打标签（docker tag ID NAME:TAG）。</translation>
    </message>
    <message>
        <source>Push an image by its name and tag, not by a digest: %1.</source>
        <translation>请按名称和标签推送镜像，而不是按摘要：%1。</translation>
    </message>
    <message>
        <source>The image %1 has no valid tag.</source>
        <translation>镜像 %1 没有有效的标签。</translation>
    </message>
    <message>
        <source>The image name %1 is not a valid repository name.</source>
        <translation>镜像名称 %1 不是有效的仓库名称。</translation>
    </message>
    <message>
        <source>The registry %1 speaks plain HTTP, and Docker uses HTTP only with registries listed as insecure. Add &quot;insecure-registries&quot;: [&quot;%1&quot;] to /etc/docker/daemon.json (Docker Desktop: Settings, Docker Engine), restart the Docker daemon (sudo systemctl restart docker), then push again.</source>
        <translation>镜像仓库 %1 使用纯 HTTP，而 Docker 只对登记为 insecure 的镜像仓库使用 HTTP。请在 /etc/docker/daemon.json 中加入 &quot;insecure-registries&quot;: [&quot;%1&quot;]（Docker Desktop：设置 → Docker Engine），重启 Docker 守护进程（sudo systemctl restart docker），然后重新推送。</translation>
    </message>
    <message>
        <source>The registry %1 wants a login, or refused the one Docker has. Run docker login %1, then push again.</source>
        <translation>镜像仓库 %1 需要登录，或拒绝了 Docker 保存的登录信息。请运行 docker login %1，然后重新推送。</translation>
    </message>
    <message>
        <source>Docker does not trust the certificate of the registry %1. Put the site&apos;s CA certificate in /etc/docker/certs.d/%1/ca.crt, then push again.</source>
        <translation>Docker 不信任镜像仓库 %1 的证书。请把站点的 CA 证书放到 /etc/docker/certs.d/%1/ca.crt，然后重新推送。</translation>
    </message>
    <message>
        <source>The registry %1 cannot be reached. Check the address and the port, that the registry is running, and that this computer can reach it (firewall, proxy).</source>
        <translation>无法连接镜像仓库 %1。请检查地址和端口、镜像仓库是否在运行，以及本机能否访问它（防火墙、代理）。</translation>
    </message>
    <message>
        <source>Docker has no image %1 here. Check the name (docker images), or build or load the image first.</source>
        <translation>本机 Docker 中没有镜像 %1。请检查名称（docker images），或先构建或载入该镜像。</translation>
    </message>
    <message>
        <source>Docker refuses the image name for the registry %1: check IMAGE and --registry.</source>
        <translation>Docker 拒绝了用于镜像仓库 %1 的镜像名称：请检查 IMAGE 和 --registry。</translation>
    </message>
    <message>
        <source>The push to the registry %1 failed. See Docker&apos;s words below.</source>
        <translation>推送到镜像仓库 %1 失败。请看下面 Docker 的输出。</translation>
    </message>
</context>
<context>
    <name>ezr::docker::BuildJob</name>
    <message>
        <source>Building with %1 (docker %2, daemon %3).</source>
        <translation>正在使用 %1 构建（docker %2，守护进程 %3）。</translation>
    </message>
    <message>
        <source>the legacy builder</source>
        <translation>旧版构建器</translation>
    </message>
    <message>
        <source>Building the image</source>
        <translation>正在构建镜像</translation>
    </message>
    <message>
        <source>sending the build context (%1)</source>
        <translation>正在发送构建上下文（%1）</translation>
    </message>
    <message>
        <source>The image build failed (docker exited with %1). See the log below.</source>
        <translation>镜像构建失败（docker 退出码 %1）。请查看下方日志。</translation>
    </message>
    <message>
        <source>The image build failed at step %1. See the log below, fix the Dockerfile and build again.</source>
        <translation>镜像构建在第 %1 步失败。请查看下方日志，修正 Dockerfile 后重新构建。</translation>
    </message>
    <message>
        <source>Docker built the image but did not say its id.</source>
        <translation>Docker 已构建镜像，但未返回其 ID。</translation>
    </message>
    <message>
        <source>The image was built but could not be tagged %1. Choose another image name.</source>
        <translation>镜像已构建，但无法标记为 %1。请换一个镜像名称。</translation>
    </message>
    <message>
        <source>building the image</source>
        <translation>构建镜像</translation>
    </message>
</context>
<context>
    <name>ezr::docker::PushJob</name>
    <message>
        <source>Pushing to %1</source>
        <translation>正在推送到 %1</translation>
    </message>
    <message>
        <source>Docker has no image %1 here. Check the name (docker images), or build or load the image first.</source>
        <translation>本机 Docker 中没有镜像 %1。请检查名称（docker images），或先构建或载入该镜像。</translation>
    </message>
    <message>
        <source>Tagged %1 as %2.</source>
        <translation>已将 %1 标记为 %2。</translation>
    </message>
    <message>
        <source>%1 of %2 layers, %3 sent</source>
        <translation>%2 层中的 %1 层，已发送 %3</translation>
    </message>
    <message>
        <source>%1 of %2 layers</source>
        <translation>%2 层中的 %1 层</translation>
    </message>
    <message>
        <source>pushing the image</source>
        <translation>正在推送镜像</translation>
    </message>
</context>
<context>
    <name>ezr::docker::WeightsImageJob</name>
    <message>
        <source>Writing the weights image</source>
        <translation>正在写入权重镜像</translation>
    </message>
    <message>
        <source>%1 is not in the build context (%2). Build again.</source>
        <translation>%1 不在构建上下文 (%2) 中。请重新构建。</translation>
    </message>
    <message>
        <source>Pulling the base image %1.</source>
        <translation>正在拉取基础镜像 %1。</translation>
    </message>
    <message>
        <source>Pulling the base image</source>
        <translation>正在拉取基础镜像</translation>
    </message>
    <message>
        <source>Docker&apos;s description of the base image %1 could not be read.</source>
        <translation>无法读取 Docker 对基础镜像 %1 的描述。</translation>
    </message>
    <message>
        <source>The base image %1 is not on this computer and could not be pulled. Pull or load it, then build again.</source>
        <translation>基础镜像 %1 不在这台计算机上，也无法拉取。请先拉取或加载它，然后重新构建。</translation>
    </message>
    <message>
        <source>Could not make a socket for docker load.</source>
        <translation>无法为 docker load 创建套接字。</translation>
    </message>
    <message>
        <source>docker load stopped reading the weights image.</source>
        <translation>docker load 停止读取权重镜像。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 got shorter while it was written into the image. Build again.</source>
        <translation>%1 在写入镜像时变短了。请重新构建。</translation>
    </message>
    <message>
        <source>docker load did not take the weights image (exit %1). See the log below.</source>
        <translation>docker load 未接受权重镜像（退出码 %1）。请查看下方日志。</translation>
    </message>
    <message>
        <source>loading the weights image</source>
        <translation>加载权重镜像</translation>
    </message>
    <message>
        <source>docker load did not say it loaded %1.</source>
        <translation>docker load 没有报告已加载 %1。</translation>
    </message>
    <message>
        <source>Wrote the weights image %1 (%2, %3 layer(s) of its own).</source>
        <translation>已写入权重镜像 %1（%2，自有 %3 层）。</translation>
    </message>
    <message>
        <source>Building the weights image with docker build instead; its layers will not be the same on another computer.</source>
        <translation>改用 docker build 构建权重镜像；其层在另一台计算机上将不相同。</translation>
    </message>
</context>
<context>
    <name>ezr::dockerfile</name>
    <message>
        <source>Cannot write %1. Check the free space and permissions of its folder.</source>
        <translation>无法写入 %1。请检查其所在文件夹的可用空间和权限。</translation>
    </message>
    <message>
        <source>Cannot read the Dockerfile template %1. Check its permissions.</source>
        <translation>无法读取 Dockerfile 模板 %1。请检查其权限。</translation>
    </message>
    <message>
        <source>No Dockerfile template for the engine &quot;%1&quot;. Reinstall EZ Runner or put %2 in %3.</source>
        <translation>推理引擎“%1”没有 Dockerfile 模板。请重新安装 EZ Runner，或将 %2 放入 %3。</translation>
    </message>
    <message>
        <source>The model %1 has no files the engine &quot;%2&quot; can serve.</source>
        <translation>模型 %1 中没有推理引擎“%2”可以提供服务的文件。</translation>
    </message>
    <message>
        <source>The Dockerfile template for &quot;%1&quot; is not valid mustache. Fix it or remove your copy of it.</source>
        <translation>“%1”的 Dockerfile 模板不是有效的 mustache 模板。请修复它，或删除你的副本。</translation>
    </message>
    <message>
        <source>The Dockerfile template for &quot;%1&quot; could not be rendered.</source>
        <translation>无法渲染“%1”的 Dockerfile 模板。</translation>
    </message>
    <message>
        <source>The engine &quot;%1&quot; has no image for this accelerator. Name one as the engine&apos;s image.</source>
        <translation>引擎“%1”没有适用于此加速器的镜像。请为该引擎指定一个镜像。</translation>
    </message>
    <message>
        <source>The image&apos;s %1 label is not one EZ Runner wrote.</source>
        <translation>镜像的 %1 标签不是 EZ Runner 写入的。</translation>
    </message>
    <message>
        <source>it uses a variable ($)</source>
        <translation>使用了变量 ($)</translation>
    </message>
    <message>
        <source>a quote is not closed</source>
        <translation>引号未闭合</translation>
    </message>
    <message>
        <source>ENV or LABEL without a value</source>
        <translation>ENV 或 LABEL 没有值</translation>
    </message>
    <message>
        <source>ENV or LABEL not in key=value form</source>
        <translation>ENV 或 LABEL 不是 key=value 形式</translation>
    </message>
    <message>
        <source>COPY %1</source>
        <translation>COPY %1</translation>
    </message>
    <message>
        <source>COPY --chown with a name instead of a number</source>
        <translation>COPY --chown 使用了名称而不是数字</translation>
    </message>
    <message>
        <source>COPY with arguments that are not a JSON list</source>
        <translation>COPY 的参数不是 JSON 列表</translation>
    </message>
    <message>
        <source>COPY with quotes outside a JSON list</source>
        <translation>COPY 在 JSON 列表之外使用了引号</translation>
    </message>
    <message>
        <source>COPY without a source and a destination</source>
        <translation>COPY 缺少源和目标</translation>
    </message>
    <message>
        <source>COPY to a destination that is not a plain absolute path</source>
        <translation>COPY 的目标不是普通的绝对路径</translation>
    </message>
    <message>
        <source>COPY of a source that is not a plain file path in the context</source>
        <translation>COPY 的源不是上下文中的普通文件路径</translation>
    </message>
    <message>
        <source>COPY of several files to a destination that is not a folder</source>
        <translation>COPY 将多个文件复制到非文件夹的目标</translation>
    </message>
    <message>
        <source>more than one FROM</source>
        <translation>多于一个 FROM</translation>
    </message>
    <message>
        <source>FROM with a stage name, a flag or a variable</source>
        <translation>FROM 带有阶段名、选项或变量</translation>
    </message>
    <message>
        <source>%1 before FROM</source>
        <translation>%1 位于 FROM 之前</translation>
    </message>
    <message>
        <source>it has a %1 instruction</source>
        <translation>含有 %1 指令</translation>
    </message>
    <message>
        <source>no FROM</source>
        <translation>没有 FROM</translation>
    </message>
    <message>
        <source>a size for each source</source>
        <translation>每个源都需要一个大小</translation>
    </message>
    <message>
        <source>two sources of one name in one COPY</source>
        <translation>一个 COPY 中有两个同名的源</translation>
    </message>
    <message>
        <source>a file where a folder goes</source>
        <translation>应为文件夹的位置是一个文件</translation>
    </message>
    <message>
        <source>Docker described the base image %1 without its layers, architecture or OS.</source>
        <translation>Docker 对基础镜像 %1 的描述缺少层、架构或操作系统。</translation>
    </message>
    <message>
        <source>The io.ezrunner.layer-files label is not one EZ Runner wrote.</source>
        <translation>io.ezrunner.layer-files 标签不是 EZ Runner 写入的。</translation>
    </message>
</context>
<context>
    <name>ezr::dockerfile::StageContextJob</name>
    <message>
        <source>Cannot create the build folder %1. Check the permissions of its parent folder.</source>
        <translation>无法创建构建文件夹 %1。请检查其上级文件夹的权限。</translation>
    </message>
    <message>
        <source>Preparing the build context</source>
        <translation>正在准备构建上下文</translation>
    </message>
    <message>
        <source>The model file %1 is not on disk. Download the model again.</source>
        <translation>模型文件 %1 不在磁盘上。请重新下载模型。</translation>
    </message>
    <message>
        <source>Cannot link %1 into the build folder.</source>
        <translation>无法将 %1 链接到构建文件夹。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Cannot empty the build folder %1 left by an earlier build. Remove it and try again.</source>
        <translation>无法清空之前构建遗留的构建文件夹 %1。请删除它后重试。</translation>
    </message>
    <message>
        <source>Cannot copy %1 into the build folder %2.</source>
        <translation>无法将 %1 复制到构建文件夹 %2。</translation>
    </message>
    <message>
        <source>The drive of the build folder %1 is full: %2 could not be copied into it. Free some space there and build again.</source>
        <translation>构建文件夹 %1 所在的驱动器已满：无法将 %2 复制进去。请在那里释放一些空间后重新构建。</translation>
    </message>
</context>
<context>
    <name>ezr::engine</name>
    <message>
        <source>The engine catalog engines.json cannot be used; reinstall EZ Runner or fix the file.</source>
        <translation>推理引擎目录 engines.json 无法使用；请重新安装 EZ Runner 或修复该文件。</translation>
    </message>
    <message>
        <source>The model&apos;s config.json does not say how many layers and attention heads it has, so its memory needs cannot be estimated.</source>
        <translation>模型的 config.json 未说明层数和注意力头数，因此无法估算其内存需求。</translation>
    </message>
    <message>
        <source>The model has neither a config.json nor a GGUF header, so its memory needs cannot be estimated.</source>
        <translation>模型既没有 config.json 也没有 GGUF 文件头，因此无法估算其内存需求。</translation>
    </message>
    <message>
        <source>An engine image is given as ENGINE=IMAGE with ENGINE one of %1, e.g. vllm=registry.local/vllm-openai:v0.11.0; got &quot;%2&quot;.</source>
        <translation>引擎镜像的写法是 ENGINE=IMAGE，ENGINE 为 %1 之一，例如 vllm=registry.local/vllm-openai:v0.11.0；收到的是“%2”。</translation>
    </message>
</context>
<context>
    <name>ezr::engine::Builder</name>
    <message>
        <source>The %1 (compute capability %2) has no bfloat16, so the model runs in float16.</source>
        <translation>%1（计算能力 %2）不支持 bfloat16，因此模型以 float16 运行。</translation>
    </message>
    <message>
        <source>The GPU&apos;s compute capability is unknown; %1 needs %2 or newer.</source>
        <translation>GPU 的计算能力未知；%1 需要 %2 或更高。</translation>
    </message>
    <message>
        <source>%1 needs an NVIDIA GPU with compute capability %2 or newer (Turing, e.g. T4, or later); the %3 has %4.</source>
        <translation>%1 需要计算能力 %2 或更高的 NVIDIA GPU（Turing 或更新架构，例如 T4）；%3 的计算能力为 %4。</translation>
    </message>
    <message>
        <source>%1 runs %2 models only on GPUs with compute capability %3 or newer; the %4 has %5.</source>
        <translation>%1 仅在计算能力 %3 或更高的 GPU 上运行 %2 模型；%4 的计算能力为 %5。</translation>
    </message>
    <message>
        <source>%1&apos;s ROCm image is built only for %2; the %3 is %4.</source>
        <translation>%1 的 ROCm 镜像仅为 %2 构建；%3 是 %4。</translation>
    </message>
    <message>
        <source>The target&apos;s NVIDIA driver is not known: this image needs driver %1 or newer (CUDA %2).</source>
        <translation>目标机器的 NVIDIA 驱动版本未知：此镜像需要驱动 %1 或更高版本（CUDA %2）。</translation>
    </message>
    <message>
        <source>The NVIDIA driver %1 supports CUDA up to %2, older than the CUDA %3 of %4. Using the older %5 (CUDA %6) instead; updating the driver to %7 or newer allows the current image.</source>
        <translation>NVIDIA 驱动 %1 最高支持 CUDA %2，低于 %4 所需的 CUDA %3。将改用较旧的 %5（CUDA %6）；将驱动更新到 %7 或更高版本即可使用当前镜像。</translation>
    </message>
    <message>
        <source>on the target</source>
        <translation>在目标机器上</translation>
    </message>
    <message>
        <source>The NVIDIA driver %1 supports only CUDA %2, and every %3 image needs CUDA %4 or newer. Update the driver to %5 or newer.</source>
        <translation>NVIDIA 驱动 %1 仅支持 CUDA %2，而所有 %3 镜像都需要 CUDA %4 或更高版本。请将驱动更新到 %5 或更高版本。</translation>
    </message>
    <message>
        <source>The target&apos;s RAM is not known: it needs about %1 free for this model.</source>
        <translation>目标机器的内存大小未知：此模型需要约 %1 的可用内存。</translation>
    </message>
    <message>
        <source>Fits: needs about %1 of the %2 of RAM it may use (weights %3, context cache %4, engine %5).</source>
        <translation>可容纳：需要约 %1，可用内存为 %2（权重 %3，上下文缓存 %4，推理引擎 %5）。</translation>
    </message>
    <message>
        <source>Fits: needs about %1 of the %2 usable on each GPU (weights %3, context cache %4, engine %5).</source>
        <translation>可容纳：每个 GPU 需要约 %1，可用 %2（权重 %3，上下文缓存 %4，推理引擎 %5）。</translation>
    </message>
    <message>
        <source>Does not fit: needs about %1 but only %2 of RAM may be used (weights %3, context cache %4, engine %5).</source>
        <translation>无法容纳：需要约 %1，但可用内存仅 %2（权重 %3，上下文缓存 %4，推理引擎 %5）。</translation>
    </message>
    <message>
        <source>Does not fit: needs about %1 per GPU but only %2 is usable (weights %3, context cache %4, engine %5).</source>
        <translation>无法容纳：每个 GPU 需要约 %1，但仅有 %2 可用（权重 %3，上下文缓存 %4，推理引擎 %5）。</translation>
    </message>
    <message>
        <source>Context is limited to %1 tokens to fit in memory (the model allows %2).</source>
        <translation>为适应内存，上下文限制为 %1 个令牌（模型最多允许 %2 个）。</translation>
    </message>
    <message>
        <source>Serves up to %1 tokens of context.</source>
        <translation>最多支持 %1 个令牌的上下文。</translation>
    </message>
    <message>
        <source>Splits the model over %1 GPUs (tensor parallel %1).</source>
        <translation>将模型拆分到 %1 个 GPU 上（张量并行 %1）。</translation>
    </message>
    <message>
        <source>Splits the model&apos;s layers over %1 GPUs.</source>
        <translation>将模型的层拆分到 %1 个 GPU 上。</translation>
    </message>
    <message>
        <source>Tensor parallel %1 is not possible: the model&apos;s %2 attention heads cannot be split evenly over that many GPUs.</source>
        <translation>无法使用张量并行 %1：模型的 %2 个注意力头无法均匀拆分到这么多 GPU 上。</translation>
    </message>
    <message>
        <source>Warning: no usable GPU, so the model runs on the CPU with Transformers. This is slow (a few words per second for a 7B model); a GGUF version of the model served by llama.cpp is much faster.</source>
        <translation>警告：没有可用的 GPU，模型将通过 Transformers 在 CPU 上运行。速度很慢（7B 模型每秒仅几个词）；改用由 llama.cpp 提供服务的 GGUF 版本模型会快得多。</translation>
    </message>
    <message>
        <source>%1 cannot load %2-quantized weights.</source>
        <translation>%1 无法加载 %2 量化的权重。</translation>
    </message>
    <message>
        <source>The CPU has AVX-512, which llama.cpp uses for speed.</source>
        <translation>CPU 支持 AVX-512，llama.cpp 会利用它提速。</translation>
    </message>
    <message>
        <source>The CPU has AVX2, which llama.cpp uses for speed.</source>
        <translation>CPU 支持 AVX2，llama.cpp 会利用它提速。</translation>
    </message>
    <message>
        <source>Warning: the CPU lacks AVX2, so generation will be slow.</source>
        <translation>警告：CPU 不支持 AVX2，生成速度会很慢。</translation>
    </message>
    <message>
        <source>A 4-bit quantized version of this model (AWQ, GPTQ or GGUF Q4_K_M, about %1 of weights) would fit.</source>
        <translation>此模型的 4 位量化版本（AWQ、GPTQ 或 GGUF Q4_K_M，权重约 %1）可以容纳。</translation>
    </message>
    <message>
        <source>Even a 4-bit quantized version (about %1 of weights) would not fit on this target.</source>
        <translation>即使是 4 位量化版本（权重约 %1）也无法在此目标机器上容纳。</translation>
    </message>
    <message>
        <source>A machine with at least %1 of RAM would run it.</source>
        <translation>内存至少 %1 的机器可以运行它。</translation>
    </message>
    <message>
        <source>With %1 it would fit on %2 × %3 (split over %2 GPUs).</source>
        <translation>使用 %1 时，可容纳于 %2 × %3（拆分到 %2 个 GPU 上）。</translation>
    </message>
    <message>
        <source>It would fit with a context of %1 tokens.</source>
        <translation>上下文为 %1 个 token 时可以放下。</translation>
    </message>
    <message>
        <source>The model fits on no single node, so it is split over %1 nodes of %2 GPUs: tensor parallel %2 inside each node and pipeline parallel %1 across them (about %3 of weights per GPU). Serve it with the Kubernetes manifests (ezrunner manifests); run.sh serves one machine only.</source>
        <translation>单个节点放不下该模型，因此将其拆分到 %1 个节点，每个节点 %2 块 GPU：节点内张量并行 %2，节点间流水线并行 %1（每块 GPU 约 %3 权重）。请用 Kubernetes 清单（ezrunner manifests）提供服务；run.sh 只能在一台机器上运行。</translation>
    </message>
    <message>
        <source>One node is not enough. With %1 it would fit on %2 nodes of %3 × %4 (tensor parallel %3 × pipeline parallel %2): plan for --target %2x%3x… or give each node&apos;s report.</source>
        <translation>一个节点不够。使用 %1 时，%2 个节点、每个 %3 × %4 可以放下（张量并行 %3 × 流水线并行 %2）：请按 --target %2x%3x… 规划，或给出每个节点的报告。</translation>
    </message>
</context>
<context>
    <name>ezr::engine::EngineCatalog</name>
    <message>
        <source>engine %1 has an image without a known accelerator or reference</source>
        <translation>推理引擎 %1 有一个镜像缺少已知的加速器或引用</translation>
    </message>
    <message>
        <source>engine &quot;%1&quot; is unknown or has no images or formats</source>
        <translation>推理引擎“%1”未知，或没有镜像或格式</translation>
    </message>
    <message>
        <source>no engines</source>
        <translation>没有推理引擎</translation>
    </message>
    <message>
        <source>The engine catalog %1 cannot be read; reinstall EZ Runner.</source>
        <translation>无法读取推理引擎目录 %1；请重新安装 EZ Runner。</translation>
    </message>
    <message>
        <source>Unknown engine &quot;%1&quot; in an image override; use one of %2.</source>
        <translation>镜像覆盖中的推理引擎“%1”未知；请使用 %2 之一。</translation>
    </message>
    <message>
        <source>vLLM is the fastest open engine for NVIDIA and AMD data-center GPUs.</source>
        <translation>vLLM 是面向 NVIDIA 和 AMD 数据中心 GPU 最快的开源推理引擎。</translation>
    </message>
    <message>
        <source>SGLang is about as fast as vLLM and strong with long, shared prompts.</source>
        <translation>SGLang 速度与 vLLM 相当，擅长处理长的共享提示词。</translation>
    </message>
    <message>
        <source>Hugging Face&apos;s Text Generation Inference is proven, but in maintenance mode.</source>
        <translation>Hugging Face 的 Text Generation Inference 久经考验，但已处于维护模式。</translation>
    </message>
    <message>
        <source>llama.cpp serves GGUF files on almost any hardware, CPU included.</source>
        <translation>llama.cpp 可在几乎任何硬件（包括 CPU）上运行 GGUF 文件。</translation>
    </message>
    <message>
        <source>Hugging Face Transformers runs nearly every model, slowly; the last resort.</source>
        <translation>Hugging Face Transformers 几乎能运行所有模型，但速度较慢；是最后的选择。</translation>
    </message>
</context>
<context>
    <name>ezr::engine::EngineSelector</name>
    <message>
        <source>Unknown engine &quot;%1&quot;; use one of %2.</source>
        <translation>推理引擎“%1”未知；请使用 %2 之一。</translation>
    </message>
    <message>
        <source>%1 needs a GGUF file and this model has none; look for a GGUF version of it (often named …-GGUF).</source>
        <translation>%1 需要 GGUF 文件，但此模型没有；请查找它的 GGUF 版本（通常命名为 …-GGUF）。</translation>
    </message>
    <message>
        <source>This engine has no image for the target&apos;s hardware.</source>
        <translation>此推理引擎没有适用于目标硬件的镜像。</translation>
    </message>
    <message>
        <source>The context must be a positive number of tokens.</source>
        <translation>上下文必须是正整数个 token。</translation>
    </message>
    <message>
        <source>%1 cannot serve GGUF files; llama.cpp server can.</source>
        <translation>%1 无法提供 GGUF 文件服务；llama.cpp server 可以。</translation>
    </message>
</context>
<context>
    <name>ezr::format</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
</context>
<context>
    <name>ezr::gui::BuildPage</name>
    <message>
        <source>&amp;Build image</source>
        <translation>构建镜像(&amp;B)</translation>
    </message>
    <message>
        <source>Image name and tag</source>
        <translation>镜像名称和标签</translation>
    </message>
    <message>
        <source>Build the image</source>
        <translation>构建镜像</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>暂存</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>镜像(&amp;I)：</translation>
    </message>
    <message>
        <source>Download the model and build the Docker image. You can look at other steps meanwhile.</source>
        <translation>下载模型并构建 Docker 镜像。在此期间你可以查看其他步骤。</translation>
    </message>
    <message>
        <source>Wait until the image is built.</source>
        <translation>请等待镜像构建完成。</translation>
    </message>
    <message>
        <source>Build the image first.</source>
        <translation>请先构建镜像。</translation>
    </message>
    <message>
        <source>The build was cancelled. What was already downloaded is kept.</source>
        <translation>构建已取消。已下载的内容会保留。</translation>
    </message>
    <message>
        <source>Start &amp;again</source>
        <translation>重新开始(&amp;A)</translation>
    </message>
    <message>
        <source>You may not use Docker here: add your account to the “docker” group (sudo usermod -aG docker $USER), log out and in again, then retry.</source>
        <translation>你在此无权使用 Docker：请将你的账户加入“docker”组（sudo usermod -aG docker $USER），注销并重新登录，然后重试。</translation>
    </message>
    <message>
        <source>Docker is not running. Start it (on Linux: sudo systemctl start docker), then retry.</source>
        <translation>Docker 未运行。请启动它（Linux 上：sudo systemctl start docker），然后重试。</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, or choose another model cache folder in Settings, then retry. %1</source>
        <translation>磁盘已满。请释放一些空间，或在设置中选择其他模型缓存文件夹，然后重试。%1</translation>
    </message>
    <message>
        <source>The hub refused the download: this model needs your access token. %1</source>
        <translation>模型仓库拒绝了下载：此模型需要你的访问令牌。%1</translation>
    </message>
    <message>
        <source>Add token…</source>
        <translation>添加令牌…</translation>
    </message>
    <message>
        <source>The build failed; the log says why.</source>
        <translation>构建失败；原因见日志。</translation>
    </message>
</context>
<context>
    <name>ezr::gui::CandidateCard</name>
    <message>
        <source>default precision</source>
        <translation>默认精度</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>1 GPU</source>
        <translation>1 个 GPU</translation>
    </message>
    <message>
        <source>%1 GPUs</source>
        <translation>%1 个 GPU</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Fits, tightly</source>
        <translation>可容纳，但较紧张</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>可容纳</translation>
    </message>
    <message>
        <source>Does not fit</source>
        <translation>无法容纳</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>Choice %1: %2. %3. %4</source>
        <translation>方案 %1：%2。%3。%4</translation>
    </message>
    <message>
        <source>This way does not fit the target&apos;s memory.</source>
        <translation>此方案超出目标机器的内存。</translation>
    </message>
</context>
<context>
    <name>ezr::gui::DestinationTile</name>
    <message>
        <source>Removable drive</source>
        <translation>可移动驱动器</translation>
    </message>
    <message>
        <source>Fixed disk</source>
        <translation>固定磁盘</translation>
    </message>
    <message>
        <source>unknown file system</source>
        <translation>未知文件系统</translation>
    </message>
    <message>
        <source>%1 free of %2 · %3 · %4</source>
        <translation>可用 %1，共 %2 · %3 · %4</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1
%2 of %3 bytes free</source>
        <translation>%1
可用 %2 字节，共 %3 字节</translation>
    </message>
    <message>
        <source>Too small: needs %1 more.</source>
        <translation>空间不足：还需要 %1。</translation>
    </message>
    <message>
        <source>FAT32: will split into %1 parts.</source>
        <translation>FAT32：将拆分为 %1 个部分。</translation>
    </message>
    <message>
        <source>Room for the kit.</source>
        <translation>空间足以容纳离线部署包。</translation>
    </message>
</context>
<context>
    <name>ezr::gui::DockerfilePage</name>
    <message>
        <source>Edited — differs from the generated Dockerfile.</source>
        <translation>已编辑——与生成的 Dockerfile 不同。</translation>
    </message>
    <message>
        <source>Show &amp;diff</source>
        <translation>显示差异(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Dockerfile</source>
        <translation>Dockerfile</translation>
    </message>
    <message>
        <source>The Dockerfile appears here once the engine is chosen.</source>
        <translation>选择推理引擎后，Dockerfile 将显示在此处。</translation>
    </message>
    <message>
        <source>Show the differences from the generated Dockerfile</source>
        <translation>显示与生成的 Dockerfile 的差异</translation>
    </message>
    <message>
        <source>Reset to the generated Dockerfile</source>
        <translation>重置为生成的 Dockerfile</translation>
    </message>
    <message>
        <source>Save the Dockerfile as a file</source>
        <translation>将 Dockerfile 保存为文件</translation>
    </message>
    <message>
        <source>Save the Dockerfile</source>
        <translation>保存 Dockerfile</translation>
    </message>
    <message>
        <source>Dockerfiles (Dockerfile *.Dockerfile);;All files (*)</source>
        <translation>Dockerfile 文件 (Dockerfile *.Dockerfile);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This is how the image will be built. You can change it; EZ Runner keeps your version in the profile.</source>
        <translation>镜像将按此构建。你可以修改它；EZ Runner 会将你的版本保存在配置文件中。</translation>
    </message>
    <message>
        <source>The Dockerfile is empty.</source>
        <translation>Dockerfile 为空。</translation>
    </message>
    <message>
        <source>Your changes to the generated Dockerfile</source>
        <translation>你对生成的 Dockerfile 所做的修改</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Could not save %1: %2. Choose another folder.</source>
        <translation>无法保存 %1：%2。请选择其他文件夹。</translation>
    </message>
</context>
<context>
    <name>ezr::gui::EnginePage</name>
    <message>
        <source>Require an API &amp;key (read from EZRUNNER_API_KEY when the container starts)</source>
        <translation>要求 API 密钥(&amp;K)（容器启动时从 EZRUNNER_API_KEY 读取）</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>选项(&amp;O)</translation>
    </message>
    <message>
        <source>Show or hide the options</source>
        <translation>显示或隐藏选项</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个令牌</translation>
    </message>
    <message>
        <source>GPUs per model (tensor parallel)</source>
        <translation>每个模型使用的 GPU 数（张量并行）</translation>
    </message>
    <message>
        <source>Share of GPU memory the engine may use</source>
        <translation>推理引擎可使用的 GPU 显存比例</translation>
    </message>
    <message>
        <source>Port the server listens on</source>
        <translation>服务器监听的端口</translation>
    </message>
    <message>
        <source>Require an API key</source>
        <translation>要求 API 密钥</translation>
    </message>
    <message>
        <source>&amp;Context length:</source>
        <translation>上下文长度(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;GPUs per model:</source>
        <translation>每个模型的 GPU 数(&amp;G)：</translation>
    </message>
    <message>
        <source>GPU &amp;memory share:</source>
        <translation>GPU 显存比例(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>The ways to serve the model appear here once the model and the target are known.</source>
        <translation>确定模型和目标机器后，可用的模型服务方式将显示在此处。</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <source>Choose how the model is served. The best way for your target is on top.</source>
        <translation>选择模型的服务方式。最适合你的目标机器的方式排在最前。</translation>
    </message>
    <message>
        <source>Wait for the plan, or go back and choose the model and the target.</source>
        <translation>请等待方案生成，或返回选择模型和目标机器。</translation>
    </message>
    <message>
        <source>Nothing fits the target: change the options or the target.</source>
        <translation>没有适合目标机器的方案：请更改选项或目标机器。</translation>
    </message>
    <message>
        <source>Working out what fits…</source>
        <translation>正在计算可容纳的方案…</translation>
    </message>
    <message>
        <source>Ranked best first.</source>
        <translation>按优劣排序，最佳在前。</translation>
    </message>
    <message>
        <source>Ranked best first for %1.</source>
        <translation>按优劣排序，最适合 %1 的在前。</translation>
    </message>
    <message>
        <source>No engine can serve this model on %1.</source>
        <translation>没有推理引擎能在 %1 上为此模型提供服务。</translation>
    </message>
    <message>
        <source>Nothing fits on %1. A shorter context needs less memory; a quantized variant (chosen on the Model step) or a machine with more GPU memory helps too.</source>
        <translation>在 %1 上没有可容纳的方案。较短的上下文需要更少内存；量化版本（在“模型”步骤中选择）或 GPU 显存更大的机器也会有帮助。</translation>
    </message>
    <message>
        <source>Use a %1-token context</source>
        <translation>使用 %1 令牌的上下文</translation>
    </message>
</context>
<context>
    <name>ezr::gui::ExportPage</name>
    <message>
        <source>T&amp;arget:</source>
        <translation>目标机器(&amp;A)：</translation>
    </message>
    <message>
        <source>none (a full kit)</source>
        <translation>无（完整的离线部署包）</translation>
    </message>
    <message>
        <source>Target machine&apos;s name (what earlier kits delivered to it is left out)</source>
        <translation>目标机器的名称（之前的离线部署包已送达的内容将被省去）</translation>
    </message>
    <message>
        <source>Name the machine the kit is for, such as site-a. EZ Runner remembers what each kit delivered to it, and the next kit leaves that out. A new name gets a full kit.</source>
        <translation>填写离线部署包所面向的机器名称，例如 site-a。EZ Runner 会记住每个离线部署包送达该机器的内容，下一个离线部署包将省去这些内容。新名称会得到完整的离线部署包。</translation>
    </message>
    <message>
        <source>Another &amp;folder…</source>
        <translation>其他文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Verify after writing (reads the kit back and checks every checksum)</source>
        <translation>写入后校验(&amp;V)（回读离线部署包并检查每个校验和）</translation>
    </message>
    <message>
        <source>&amp;Export kit</source>
        <translation>导出离线部署包(&amp;E)</translation>
    </message>
    <message>
        <source>Kit written</source>
        <translation>离线部署包已写入</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Copy run &amp;command</source>
        <translation>复制运行命令(&amp;C)</translation>
    </message>
    <message>
        <source>Export to another folder</source>
        <translation>导出到其他文件夹</translation>
    </message>
    <message>
        <source>Split the image</source>
        <translation>拆分镜像</translation>
    </message>
    <message>
        <source>Automatic (only where the file system needs it)</source>
        <translation>自动（仅在文件系统需要时）</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>None (fastest to load)</source>
        <translation>无（加载最快）</translation>
    </message>
    <message>
        <source>zstd (smaller, slower)</source>
        <translation>zstd（更小，更慢）</translation>
    </message>
    <message>
        <source>Verify after writing</source>
        <translation>写入后校验</translation>
    </message>
    <message>
        <source>Export the kit</source>
        <translation>导出离线部署包</translation>
    </message>
    <message>
        <source>&amp;Split:</source>
        <translation>拆分(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Compression:</source>
        <translation>压缩(&amp;C)：</translation>
    </message>
    <message>
        <source>Files of the kit</source>
        <translation>离线部署包中的文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Write the offline kit to a USB drive or a folder, to carry to the machine that will run it.</source>
        <translation>将离线部署包写入 U 盘或文件夹，以便带到运行它的机器上。</translation>
    </message>
    <message>
        <source>The kit needs %1, but %2 has only %3 free. Choose a bigger drive, or free %4 on this one.</source>
        <translation>离线部署包需要 %1，但 %2 仅剩 %3 可用空间。请选择更大的驱动器，或在此驱动器上释放 %4。</translation>
    </message>
    <message>
        <source>The chosen destination is too small.</source>
        <translation>所选目标位置空间不足。</translation>
    </message>
    <message>
        <source>Choose where to write the kit.</source>
        <translation>请选择离线部署包的写入位置。</translation>
    </message>
    <message>
        <source>Choose a folder for the kit</source>
        <translation>选择存放离线部署包的文件夹</translation>
    </message>
    <message>
        <source>Export cancelled; nothing that looks like a finished kit was left.</source>
        <translation>导出已取消；未留下任何看似完整的离线部署包。</translation>
    </message>
    <message>
        <source>The drive filled up: %1 Choose a bigger drive.</source>
        <translation>驱动器已写满：%1 请选择更大的驱动器。</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>On the target: %1</source>
        <translation>在目标机器上：%1</translation>
    </message>
    <message>
        <source>Kit written to %1</source>
        <translation>离线部署包已写入 %1</translation>
    </message>
    <message>
        <source>Test offline</source>
        <translation>离线测试</translation>
    </message>
    <message>
        <source>&amp;Test the image offline first (starts it with no network and asks it one question)</source>
        <translation>先离线测试镜像(&amp;T)（在无网络的情况下启动它并向它提一个问题）</translation>
    </message>
    <message>
        <source>Before writing the kit, the image runs here with no network at all: the engine must become healthy, list the model and answer one short chat. The result goes into the kit (SMOKE-TEST.txt). An image this computer cannot run (a GPU it lacks) is written untested, and the kit says why.</source>
        <translation>写入套件之前，镜像会在本机完全无网络的情况下运行：引擎必须变为健康、列出模型并回答一次简短的对话。结果会写入套件（SMOKE-TEST.txt）。本机无法运行的镜像（缺少所需 GPU）会在未测试的情况下写入，套件会说明原因。</translation>
    </message>
    <message>
        <source>Export &amp;without the test</source>
        <translation>不测试直接导出(&amp;W)</translation>
    </message>
    <message>
        <source>Tested offline: the engine was healthy after %1 s and answered; first token after %2 ms, %3 tokens/s. The kit&apos;s SMOKE-TEST.txt has the details.</source>
        <translation>已离线测试：引擎在 %1 秒后健康并作出回答；首个 token 用时 %2 毫秒，%3 tokens/秒。详情见套件中的 SMOKE-TEST.txt。</translation>
    </message>
    <message>
        <source>Not tested here: %1</source>
        <translation>未在本机测试：%1</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>&amp;Export and push</source>
        <translation>导出并推送(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Push image</source>
        <translation>推送镜像(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Deliver:</source>
        <translation>交付方式(&amp;D)：</translation>
    </message>
    <message>
        <source>A kit on a drive (USB stick, disk)</source>
        <translation>驱动器上的离线部署包（U 盘、磁盘）</translation>
    </message>
    <message>
        <source>Push to the site registry</source>
        <translation>推送到站点镜像仓库</translation>
    </message>
    <message>
        <source>Both: a kit and the registry</source>
        <translation>两者：离线部署包和镜像仓库</translation>
    </message>
    <message>
        <source>How the image is delivered</source>
        <translation>镜像的交付方式</translation>
    </message>
    <message>
        <source>&amp;Registry:</source>
        <translation>镜像仓库(&amp;R)：</translation>
    </message>
    <message>
        <source>registry.lan:5000/models</source>
        <translation>registry.lan:5000/models</translation>
    </message>
    <message>
        <source>Site registry (HOST[:PORT][/PREFIX])</source>
        <translation>站点镜像仓库（HOST[:PORT][/PREFIX]）</translation>
    </message>
    <message>
        <source>Docker&apos;s own login is used (docker login HOST); EZ Runner never asks for a registry password.</source>
        <translation>使用 Docker 自己的登录信息（docker login HOST）；EZ Runner 从不索要镜像仓库密码。</translation>
    </message>
    <message>
        <source>Enter the registry the image goes to, like registry.lan:5000/models.</source>
        <translation>请输入镜像要推送到的镜像仓库，例如 registry.lan:5000/models。</translation>
    </message>
    <message>
        <source>Pushed as %1</source>
        <translation>已推送为 %1</translation>
    </message>
    <message>
        <source>Kit written to %1 and pushed as %2</source>
        <translation>离线部署包已写入 %1，并已推送为 %2</translation>
    </message>
</context>
<context>
    <name>ezr::gui::GpuCard</name>
    <message>
        <source>GPU %1: %2</source>
        <translation>GPU %1：%2</translation>
    </message>
    <message>
        <source>Architecture: %1</source>
        <translation>架构：%1</translation>
    </message>
    <message>
        <source>Architecture: %1 (compute %2)</source>
        <translation>架构：%1（计算能力 %2）</translation>
    </message>
    <message>
        <source>Driver %1</source>
        <translation>驱动 %1</translation>
    </message>
    <message>
        <source>Driver %1, CUDA up to %2</source>
        <translation>驱动 %1，最高支持 CUDA %2</translation>
    </message>
</context>
<context>
    <name>ezr::gui::HardwarePage</name>
    <message>
        <source>You may not use Docker here: add your account to the “docker” group (sudo usermod -aG docker $USER), log out and in again, then check again.</source>
        <translation>你在此无权使用 Docker：请将你的账户加入“docker”组（sudo usermod -aG docker $USER），注销并重新登录，然后再次检查。</translation>
    </message>
    <message>
        <source>Docker is not reachable: %1</source>
        <translation>无法连接 Docker：%1</translation>
    </message>
    <message>
        <source>Docker is not reachable. Start Docker (on Linux: sudo systemctl start docker), then check again.</source>
        <translation>无法连接 Docker。请启动 Docker（Linux 上：sudo systemctl start docker），然后再次检查。</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>再次检查(&amp;A)</translation>
    </message>
    <message>
        <source>Where will the model run?</source>
        <translation>模型将在哪里运行？</translation>
    </message>
    <message>
        <source>&amp;This computer</source>
        <translation>本机(&amp;T)</translation>
    </message>
    <message>
        <source>A&amp;nother machine:</source>
        <translation>其他机器(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Imported hardware report:</source>
        <translation>导入的硬件报告(&amp;I)：</translation>
    </message>
    <message>
        <source>GPU model of the other machine</source>
        <translation>其他机器的 GPU 型号</translation>
    </message>
    <message>
        <source>Number of GPUs</source>
        <translation>GPU 数量</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>Import a hardware report file</source>
        <translation>导入硬件报告文件</translation>
    </message>
    <message>
        <source>Check this computer again</source>
        <translation>再次检查本机</translation>
    </message>
    <message>
        <source>Import a hardware report</source>
        <translation>导入硬件报告</translation>
    </message>
    <message>
        <source>Hardware reports (*.json);;All files (*)</source>
        <translation>硬件报告 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This computer has not been checked yet.</source>
        <translation>尚未检查本机。</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Tell EZ Runner which machine will serve the model: this one, or another one.</source>
        <translation>告诉 EZ Runner 由哪台机器为模型提供服务：本机或其他机器。</translation>
    </message>
    <message>
        <source>Wait until this computer has been checked.</source>
        <translation>请等待本机检查完成。</translation>
    </message>
    <message>
        <source>Choose the other machine&apos;s GPU.</source>
        <translation>请选择其他机器的 GPU。</translation>
    </message>
    <message>
        <source>Import the target machine&apos;s hardware report.</source>
        <translation>请导入目标机器的硬件报告。</translation>
    </message>
    <message>
        <source>Checking this computer…</source>
        <translation>正在检查本机…</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>再次检查</translation>
    </message>
    <message>
        <source>No GPU</source>
        <translation>无 GPU</translation>
    </message>
    <message>
        <source>Only CPU engines (llama.cpp, Transformers) can run here.</source>
        <translation>此处只能运行 CPU 推理引擎（llama.cpp、Transformers）。</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>处理器</translation>
    </message>
    <message>
        <source>%1 logical cores</source>
        <translation>%1 个逻辑核心</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>特性：%1</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>%1 RAM</source>
        <translation>%1 内存</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>%1 free for Docker images</source>
        <translation>%1 可用于 Docker 镜像</translation>
    </message>
    <message>
        <source>%1 free for the model cache</source>
        <translation>%1 可用于模型缓存</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Docker %1 is running</source>
        <translation>Docker %1 正在运行</translation>
    </message>
    <message>
        <source>BuildKit available</source>
        <translation>BuildKit 可用</translation>
    </message>
    <message>
        <source>Legacy builder</source>
        <translation>旧版构建器</translation>
    </message>
    <message>
        <source>GPU runtime available</source>
        <translation>GPU 运行时可用</translation>
    </message>
    <message>
        <source>No GPU runtime</source>
        <translation>无 GPU 运行时</translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Not known: %1</source>
        <translation>未知：%1</translation>
    </message>
    <message>
        <source>Docker %1</source>
        <translation>Docker %1</translation>
    </message>
    <message>
        <source>%1 CPUs</source>
        <translation>%1 个 CPU</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>%1 (docker context “%2”)</source>
        <translation>%1（docker 上下文“%2”）</translation>
    </message>
    <message>
        <source>The build context, the model&apos;s weights (%1), travels over the network to that host: a slow or metered link makes the build slow.</source>
        <translation>构建上下文，即模型权重（%1），会通过网络传到该主机：网络慢或按流量计费时构建会很慢。</translation>
    </message>
    <message>
        <source>The build context, the model&apos;s weights, travels over the network to that host: a slow or metered link makes the build slow.</source>
        <translation>构建上下文，即模型权重，会通过网络传到该主机：网络慢或按流量计费时构建会很慢。</translation>
    </message>
    <message>
        <source>Images are built on the remote Docker host %1 (%2). %3</source>
        <translation>镜像在远程 Docker 主机 %1（%2）上构建。%3</translation>
    </message>
    <message>
        <source>On the remote host %1</source>
        <translation>在远程主机 %1 上</translation>
    </message>
</context>
<context>
    <name>ezr::gui::InfoCard</name>
    <message>
        <source>%1 in total</source>
        <translation>共 %1</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>可用 %1，共 %2</translation>
    </message>
    <message>
        <source>%1 of %2 bytes in use</source>
        <translation>已用 %1 字节，共 %2 字节</translation>
    </message>
</context>
<context>
    <name>ezr::gui::LogView</name>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Show or hide the log</source>
        <translation>显示或隐藏日志</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配项（Shift+Enter）</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配项</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配项（Enter）</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配项</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selection, or the whole log when nothing is selected</source>
        <translation>复制所选内容；未选择时复制整个日志</translation>
    </message>
    <message>
        <source>Copy the log</source>
        <translation>复制日志</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配项</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
</context>
<context>
    <name>ezr::gui::MainWindow</name>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a profile</source>
        <translation>打开配置文件</translation>
    </message>
    <message>
        <source>EZ Runner profiles (*.ezrunner)</source>
        <translation>EZ Runner 配置文件 (*.ezrunner)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About EZ Runner</source>
        <translation>关于 EZ Runner(&amp;A)</translation>
    </message>
    <message>
        <source>About EZ Runner</source>
        <translation>关于 EZ Runner</translation>
    </message>
    <message>
        <source>&lt;h3&gt;EZ Runner %1&lt;/h3&gt;&lt;p&gt;Package an open model as a Docker image and an offline deployment kit for air-gapped machines.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;EZ Runner %1&lt;/h3&gt;&lt;p&gt;将开放模型打包为 Docker 镜像和离线部署包，用于隔离网络的机器。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。依据 GNU GPL 第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Wizard steps</source>
        <translation>向导步骤</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>not available yet: %1</source>
        <translation>尚不可用：%1</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — EZ Runner</source>
        <translation>%1[*] — EZ Runner</translation>
    </message>
    <message>
        <source>profile: %1*</source>
        <translation>配置：%1*</translation>
    </message>
    <message>
        <source>profile: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>打开配置</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The profile has changes that are not saved. Save them first?</source>
        <translation>配置有尚未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>任务进行中</translation>
    </message>
    <message>
        <source>A build or an export is still running. Stop it and quit?</source>
        <translation>构建或导出仍在进行。要停止并退出吗？</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>再次检查</translation>
    </message>
</context>
<context>
    <name>ezr::gui::MemoryBar</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>Memory use</source>
        <translation>内存占用</translation>
    </message>
    <message>
        <source>%1 weights · %2 KV cache · %3 overhead of %4</source>
        <translation>权重 %1 · KV 缓存 %2 · 额外开销 %3，可用 %4</translation>
    </message>
    <message>
        <source>%1 weights · %2 KV cache · %3 overhead; available memory unknown</source>
        <translation>权重 %1 · KV 缓存 %2 · 额外开销 %3；可用内存未知</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Weights&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;KV cache&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Overhead&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Needed&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Available&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;权重&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;KV 缓存&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;额外开销&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;所需&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;可用&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>ezr::gui::ModelPage</name>
    <message>
        <source>%1 k</source>
        <translation>%1 k</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1B</source>
        <translation>%1B</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1M</translation>
    </message>
    <message>
        <source>&amp;Folder…</source>
        <translation>文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation>变体：</translation>
    </message>
    <message>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <source>ModelScope</source>
        <translation>ModelScope</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>本地文件夹</translation>
    </message>
    <message>
        <source>Model source</source>
        <translation>模型来源</translation>
    </message>
    <message>
        <source>Search, or type organisation/model, e.g. %1</source>
        <translation>搜索，或输入 组织/模型，例如 %1</translation>
    </message>
    <message>
        <source>Model or search words</source>
        <translation>模型或搜索词</translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>↓ Downloads</source>
        <translation>↓ 下载量</translation>
    </message>
    <message>
        <source>♥ Likes</source>
        <translation>♥ 点赞</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问权限</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Choose a model to see its details.</source>
        <translation>选择一个模型以查看其详细信息。</translation>
    </message>
    <message>
        <source>&amp;Revision:</source>
        <translation>版本(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Choose the model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
    <message>
        <source>Pick the model to package, from Hugging Face, ModelScope or a folder on this computer.</source>
        <translation>选择要打包的模型，可来自 Hugging Face、ModelScope 或本机上的文件夹。</translation>
    </message>
    <message>
        <source>Enter or choose a model first.</source>
        <translation>请先输入或选择一个模型。</translation>
    </message>
    <message>
        <source>This model is gated: add your access token first.</source>
        <translation>此模型需授权：请先添加访问令牌。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>🔒 gated</source>
        <translation>🔒 需授权</translation>
    </message>
    <message>
        <source>The hub asks you to accept the license and use a token.</source>
        <translation>模型仓库要求您接受许可协议并使用令牌。</translation>
    </message>
    <message>
        <source>No model matches “%1”. Check the spelling, or type the full id (organisation/model).</source>
        <translation>没有与“%1”匹配的模型。请检查拼写，或输入完整 ID（组织/模型）。</translation>
    </message>
    <message>
        <source>License: %1</source>
        <translation>许可协议：%1</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>参数量：%1</translation>
    </message>
    <message>
        <source>Architecture: %1</source>
        <translation>架构：%1</translation>
    </message>
    <message>
        <source>Context: %1 tokens</source>
        <translation>上下文：%1 个令牌</translation>
    </message>
    <message>
        <source>Download: %1</source>
        <translation>下载：%1</translation>
    </message>
    <message>
        <source>Quantization: %1</source>
        <translation>量化：%1</translation>
    </message>
    <message>
        <source>Updated: %1</source>
        <translation>更新时间：%1</translation>
    </message>
    <message>
        <source>Commit: %1</source>
        <translation>提交：%1</translation>
    </message>
    <message>
        <source>Variant %1</source>
        <translation>变体 %1</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>正在查询 %1…</translation>
    </message>
    <message>
        <source>Add token…</source>
        <translation>添加令牌…</translation>
    </message>
    <message>
        <source>%1 is gated: accept its license on the hub&apos;s web page, then add your access token.</source>
        <translation>%1 需授权：请在模型仓库网页上接受其许可协议，然后添加您的访问令牌。</translation>
    </message>
    <message>
        <source>“%1” cannot be the served name: write it like “name” or “owner/name”, with letters, digits, “.”, “_” and “-”.</source>
        <translation>“%1”不能作为服务名称：请写成“name”或“owner/name”的形式，只用字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>%1 cannot be reached from this computer (%2): it may be offline, or a firewall blocks it. Get the model another way:</source>
        <translation>本机无法连接 %1（%2）：可能处于离线状态，或被防火墙拦截。请换一种方式获取模型：</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>改用 %1</translation>
    </message>
    <message>
        <source>Use a &amp;mirror…</source>
        <translation>使用镜像站(&amp;M)…</translation>
    </message>
    <message>
        <source>Use a mirror of %1</source>
        <translation>使用 %1 的镜像站</translation>
    </message>
    <message>
        <source>&amp;Local folder or HF cache…</source>
        <translation>本地文件夹或 HF 缓存(&amp;L)…</translation>
    </message>
    <message>
        <source>Use a model folder on this computer</source>
        <translation>使用本机上的模型文件夹</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Try %1 again</source>
        <translation>重新连接 %1</translation>
    </message>
    <message>
        <source>Mirror of %1</source>
        <translation>%1 镜像站</translation>
    </message>
    <message>
        <source>Address of a mirror of %1. Your access token is not sent to it unless Settings lists it as trusted.</source>
        <translation>%1 镜像站的地址。除非在设置中将其列为可信，否则不会向它发送您的访问令牌。</translation>
    </message>
    <message>
        <source>“%1” is not a web address: a mirror is written like %2.</source>
        <translation>“%1”不是网址：镜像站地址的写法如 %2。</translation>
    </message>
    <message>
        <source>Served &amp;as:</source>
        <translation>服务名称(&amp;A)：</translation>
    </message>
    <message>
        <source>Served model name</source>
        <translation>服务时的模型名称</translation>
    </message>
    <message>
        <source>The name clients send as &quot;model&quot; in their requests. Empty: the model&apos;s own name.</source>
        <translation>客户端在请求中作为 &quot;model&quot; 发送的名称。留空：使用模型自身的名称。</translation>
    </message>
</context>
<context>
    <name>ezr::gui::PhaseStrip</name>
    <message>
        <source>Phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1：已完成</translation>
    </message>
    <message>
        <source>%1: in progress</source>
        <translation>%1：进行中</translation>
    </message>
    <message>
        <source>%1: stopped</source>
        <translation>%1：已停止</translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation>%1：等待中</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>ezr::gui::ProblemBanner</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ezr::gui::ProgressPanel</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Progress of this phase</source>
        <translation>本阶段进度</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>总体进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This phase:</source>
        <translation>本阶段：</translation>
    </message>
    <message>
        <source>Overall:</source>
        <translation>总体：</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>尚未开始。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 / %2 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>ezr::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Docker</source>
        <translation>Docker(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>Hugging Face endpoint</source>
        <translation>Hugging Face 端点</translation>
    </message>
    <message>
        <source>ModelScope endpoint</source>
        <translation>ModelScope 端点</translation>
    </message>
    <message>
        <source>Trusted mirrors</source>
        <translation>受信任的镜像站</translation>
    </message>
    <message>
        <source>One host per line, e.g. hf-mirror.com</source>
        <translation>每行一个主机，例如 hf-mirror.com</translation>
    </message>
    <message>
        <source>&amp;Hugging Face endpoint:</source>
        <translation>Hugging Face 端点(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;ModelScope endpoint:</source>
        <translation>ModelScope 端点(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Trusted mirrors:</source>
        <translation>受信任的镜像站(&amp;T)：</translation>
    </message>
    <message>
        <source>Your token is sent only to the official hubs and to these hosts.</source>
        <translation>您的令牌只会发送给官方模型仓库和这些主机。</translation>
    </message>
    <message>
        <source>Hugging Face token:</source>
        <translation>Hugging Face 令牌：</translation>
    </message>
    <message>
        <source>ModelScope token:</source>
        <translation>ModelScope 令牌：</translation>
    </message>
    <message>
        <source>Tokens are kept in the system keychain, never in settings or profiles.</source>
        <translation>令牌保存在系统钥匙串中，绝不会写入设置或配置。</translation>
    </message>
    <message>
        <source>Paste a new token</source>
        <translation>粘贴新令牌</translation>
    </message>
    <message>
        <source>Hugging Face token</source>
        <translation>Hugging Face 令牌</translation>
    </message>
    <message>
        <source>ModelScope token</source>
        <translation>ModelScope 令牌</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the token in the keychain</source>
        <translation>将令牌保存到钥匙串</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the token from the keychain</source>
        <translation>从钥匙串中移除令牌</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Check the token with the hub</source>
        <translation>向模型仓库验证令牌</translation>
    </message>
    <message>
        <source>docker (found on PATH)</source>
        <translation>docker（在 PATH 中找到）</translation>
    </message>
    <message>
        <source>Docker program</source>
        <translation>Docker 程序</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the docker program</source>
        <translation>选择 docker 程序</translation>
    </message>
    <message>
        <source>Engine image overrides</source>
        <translation>推理引擎镜像覆盖</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add an image override</source>
        <translation>添加镜像覆盖</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected image override</source>
        <translation>移除所选的镜像覆盖</translation>
    </message>
    <message>
        <source>Docker &amp;program:</source>
        <translation>Docker 程序(&amp;P)：</translation>
    </message>
    <message>
        <source>Engine images to use instead of the built-in ones (engine → image):</source>
        <translation>用于替代内置镜像的推理引擎镜像（推理引擎 → 镜像）：</translation>
    </message>
    <message>
        <source>Model cache folder</source>
        <translation>模型缓存文件夹</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose the model cache folder</source>
        <translation>选择模型缓存文件夹</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Model &amp;cache:</source>
        <translation>模型缓存(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Ask the hub whether the token works</source>
        <translation>向模型仓库确认令牌是否有效</translation>
    </message>
    <message>
        <source>Checking tokens needs a connection to the hub.</source>
        <translation>验证令牌需要连接到模型仓库。</translation>
    </message>
    <message>
        <source>No keychain is available, so tokens cannot be stored.</source>
        <translation>没有可用的钥匙串，因此无法保存令牌。</translation>
    </message>
    <message>
        <source>A token is stored in the keychain.</source>
        <translation>钥匙串中已保存令牌。</translation>
    </message>
    <message>
        <source>No token stored.</source>
        <translation>未保存令牌。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved in the keychain.</source>
        <translation>已保存到钥匙串。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>The hub accepted the token.</source>
        <translation>模型仓库已接受该令牌。</translation>
    </message>
    <message>
        <source>There is no token to check: paste one first.</source>
        <translation>没有可验证的令牌：请先粘贴一个。</translation>
    </message>
    <message>
        <source>“%1” is not a web address. Enter one like https://hf-mirror.com, or leave the field empty for the official hub.</source>
        <translation>“%1”不是网址。请输入类似 https://hf-mirror.com 的地址，或留空以使用官方模型仓库。</translation>
    </message>
</context>
<context>
    <name>ezr::gui::StatusSummary</name>
    <message>
        <source>Docker %1 is running.</source>
        <translation>Docker %1 正在运行。</translation>
    </message>
    <message>
        <source>Docker is not reachable. Start Docker, then check again.</source>
        <translation>无法连接 Docker。请启动 Docker，然后重新检查。</translation>
    </message>
    <message>
        <source>Docker has not been checked yet.</source>
        <translation>尚未检查 Docker。</translation>
    </message>
    <message>
        <source>Docker can give containers access to the GPU.</source>
        <translation>Docker 可以让容器访问 GPU。</translation>
    </message>
    <message>
        <source>Docker has no GPU runtime: images can be built here, but GPU containers cannot run here. Install the NVIDIA Container Toolkit to run them on this computer.</source>
        <translation>Docker 没有 GPU 运行时：可以在此构建镜像，但无法在此运行 GPU 容器。请安装 NVIDIA Container Toolkit 以在本机上运行它们。</translation>
    </message>
    <message>
        <source>%1 free for images and the model cache (%2 bytes).</source>
        <translation>镜像和模型缓存可用空间 %1（%2 字节）。</translation>
    </message>
    <message>
        <source>Docker %1 ✓</source>
        <translation>Docker %1 ✓</translation>
    </message>
    <message>
        <source>Docker ✗</source>
        <translation>Docker ✗</translation>
    </message>
    <message>
        <source>Docker …</source>
        <translation>Docker …</translation>
    </message>
    <message>
        <source>GPU runtime ✓</source>
        <translation>GPU 运行时 ✓</translation>
    </message>
    <message>
        <source>no GPU runtime</source>
        <translation>无 GPU 运行时</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>可用 %1</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>环境：%1</translation>
    </message>
</context>
<context>
    <name>ezr::gui::WizardController</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No GPU (processor only)</source>
        <translation>无 GPU（仅处理器）</translation>
    </message>
    <message>
        <source>Fits %1</source>
        <translation>可放下 %1</translation>
    </message>
    <message>
        <source>Does not fit %1</source>
        <translation>放不下 %1</translation>
    </message>
    <message>
        <source>Choose the model, the engine and the Dockerfile on the steps before, then build.</source>
        <translation>请先在前面的步骤中选择模型、引擎和 Dockerfile，然后再构建。</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>Cannot read the report %1.</source>
        <translation>无法读取报告 %1。</translation>
    </message>
    <message>
        <source>%1 is not a hardware report made by EZ Runner on the target.</source>
        <translation>%1 不是 EZ Runner 在目标机器上生成的硬件报告。</translation>
    </message>
    <message>
        <source>Build the image and choose where the kit goes, then export.</source>
        <translation>请先构建镜像并选择套件的存放位置，然后再导出。</translation>
    </message>
</context>
<context>
    <name>ezr::hardware</name>
    <message>
        <source>The hardware report %1 does not exist.</source>
        <translation>硬件报告 %1 不存在。</translation>
    </message>
    <message>
        <source>This is not a valid hardware report (%1). Make the report on the target machine with &quot;ezrunner hw --json &gt; target.json&quot; or the kit&apos;s probe.sh.</source>
        <translation>这不是有效的硬件报告（%1）。请在目标机器上使用 &quot;ezrunner hw --json &gt; target.json&quot; 或离线部署包中的 probe.sh 生成报告。</translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation>不是 JSON：%1，位于第 %2 字节</translation>
    </message>
    <message>
        <source>the document is not a JSON object</source>
        <translation>文档不是 JSON 对象</translation>
    </message>
    <message>
        <source>must be &quot;ezrunner-hardware&quot;</source>
        <translation>必须为 &quot;ezrunner-hardware&quot;</translation>
    </message>
    <message>
        <source>must be 1 (made by a newer EZ Runner?)</source>
        <translation>必须为 1（是否由更新版本的 EZ Runner 生成？）</translation>
    </message>
    <message>
        <source>must be a list (empty when there is no GPU)</source>
        <translation>必须是列表（无 GPU 时为空）</translation>
    </message>
    <message>
        <source>%1 must be an object</source>
        <translation>%1 必须是对象</translation>
    </message>
    <message>
        <source>must be nvidia, amd, intel, apple or unknown</source>
        <translation>必须为 nvidia、amd、intel、apple 或 unknown</translation>
    </message>
    <message>
        <source>Cannot read the hardware report %1.</source>
        <translation>无法读取硬件报告 %1。</translation>
    </message>
    <message>
        <source>Give at least one node&apos;s report.</source>
        <translation>请至少给出一个节点的报告。</translation>
    </message>
    <message>
        <source>A target may have at most %1 nodes.</source>
        <translation>一个目标最多可有 %1 个节点。</translation>
    </message>
    <message>
        <source>The nodes %1 and %2 have GPUs of different kinds; one model is served by nodes alike.</source>
        <translation>节点 %1 和 %2 的 GPU 类型不同；一个模型只能由相同的节点提供服务。</translation>
    </message>
    <message>
        <source>The nodes differ: the plan counts each as the weakest of them (%1 GPUs, the smallest GPU memory and RAM).</source>
        <translation>各节点不同：规划按其中最弱的节点计算每个节点（%1 块 GPU，最小的显存和内存）。</translation>
    </message>
    <message>
        <source>must be 1 to %1</source>
        <translation>必须为 1 到 %1</translation>
    </message>
    <message>
        <source>docker image inspect printed something unexpected.</source>
        <translation>docker image inspect 输出了意外的内容。</translation>
    </message>
    <message>
        <source>must be a list of images</source>
        <translation>必须是镜像列表</translation>
    </message>
    <message>
        <source>must be a list of layer IDs (sha256:...)</source>
        <translation>必须是层 ID 列表（sha256:...）</translation>
    </message>
</context>
<context>
    <name>ezr::hardware::GpuCatalog</name>
    <message>
        <source>The GPU catalog gpus.json cannot be read; reinstall EZ Runner or fix the file.</source>
        <translation>无法读取 GPU 目录 gpus.json；请重新安装 EZ Runner 或修复该文件。</translation>
    </message>
    <message>
        <source>The GPU catalog gpus.json has an entry without id or memory; fix the file.</source>
        <translation>GPU 目录 gpus.json 中有条目缺少 id 或 memory；请修复该文件。</translation>
    </message>
    <message>
        <source>The GPU catalog %1 cannot be read; reinstall EZ Runner.</source>
        <translation>无法读取 GPU 目录 %1；请重新安装 EZ Runner。</translation>
    </message>
    <message>
        <source>CPU only, %1 GB RAM</source>
        <translation>仅 CPU，%1 GB 内存</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <source>RAM: not given (write cpu-64GB to plan for 64 GB)</source>
        <translation>内存：未指定（写 cpu-64GB 表示按 64 GB 规划）</translation>
    </message>
    <message>
        <source>Known GPUs: %1</source>
        <translation>已知 GPU：%1</translation>
    </message>
    <message>
        <source>%1× %2</source>
        <translation>%1× %2</translation>
    </message>
    <message>
        <source>Driver: not known for a catalog target; the plan assumes a current driver</source>
        <translation>驱动：目录中的目标无驱动信息；规划假定使用当前版本驱动</translation>
    </message>
    <message>
        <source>Unknown target &quot;%1&quot;: a target may have 1 to %2 nodes.</source>
        <translation>未知目标 &quot;%1&quot;：一个目标可有 1 到 %2 个节点。</translation>
    </message>
    <message>
        <source>Unknown target &quot;%1&quot;. Give a report file made with &quot;ezrunner hw --json&quot; on the target, or a GPU like 2xA100-80GB, RTX4090, 2x8xH100-80GB (2 nodes of 8) or cpu.</source>
        <translation>未知目标 &quot;%1&quot;。请给出在目标机器上用 &quot;ezrunner hw --json&quot; 生成的报告文件，或 2xA100-80GB、RTX4090、2x8xH100-80GB（2 个节点，每个 8 块）或 cpu 这样的 GPU。</translation>
    </message>
    <message>
        <source>%1 nodes of %2</source>
        <translation>%1 个节点，每个 %2</translation>
    </message>
</context>
<context>
    <name>ezr::hardware::ProbeJob</name>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation>未找到 %1</translation>
    </message>
    <message>
        <source>%1 could not be started (%2)</source>
        <translation>无法启动 %1（%2）</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 在 %2 秒内未响应</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 崩溃</translation>
    </message>
    <message>
        <source>NVIDIA GPU: %1</source>
        <translation>NVIDIA GPU：%1</translation>
    </message>
    <message>
        <source>This nvidia-smi does not know compute_cap (R470); asking without it.</source>
        <translation>此版本 nvidia-smi 不支持 compute_cap（R470）；将不带该项查询。</translation>
    </message>
    <message>
        <source>AMD GPU: rocm-smi and amd-smi not found</source>
        <translation>AMD GPU：未找到 rocm-smi 和 amd-smi</translation>
    </message>
    <message>
        <source>AMD GPU: %1</source>
        <translation>AMD GPU：%1</translation>
    </message>
    <message>
        <source>CPU: %1 cannot be read</source>
        <translation>CPU：无法读取 %1</translation>
    </message>
    <message>
        <source>RAM: %1</source>
        <translation>内存：%1</translation>
    </message>
    <message>
        <source>RAM: %1 cannot be read</source>
        <translation>内存：无法读取 %1</translation>
    </message>
    <message>
        <source>CUDA: the nvidia-smi banner gave no CUDA version</source>
        <translation>CUDA：nvidia-smi 标题信息中没有 CUDA 版本</translation>
    </message>
    <message>
        <source>MIG: a GPU is split into MIG instances; a container sees only its instance&apos;s memory</source>
        <translation>MIG：GPU 已划分为 MIG 实例；容器只能看到其所在实例的显存</translation>
    </message>
    <message>
        <source>the Docker daemon did not answer</source>
        <translation>Docker 守护进程未响应</translation>
    </message>
    <message>
        <source>Docker: %1</source>
        <translation>Docker：%1</translation>
    </message>
    <message>
        <source>Disk: free space unknown</source>
        <translation>磁盘：可用空间未知</translation>
    </message>
    <message>
        <source>Docker host: %1</source>
        <translation>Docker 主机：%1</translation>
    </message>
    <message>
        <source>Disk: the free space of the remote Docker host %1</source>
        <translation>磁盘：远程 Docker 主机 %1 的可用空间</translation>
    </message>
    <message>
        <source>Docker images: %1</source>
        <translation>Docker 镜像：%1</translation>
    </message>
</context>
<context>
    <name>ezr::hardware::Reader</name>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>must be a whole number, 0 or more</source>
        <translation>必须是大于或等于 0 的整数</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须为 true 或 false</translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation>必须是字符串列表</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
</context>
<context>
    <name>ezr::hardware::parse</name>
    <message>
        <source>%1 printed no JSON.</source>
        <translation>%1 未输出 JSON。</translation>
    </message>
    <message>
        <source>%1 printed JSON that cannot be read (%2).</source>
        <translation>%1 输出的 JSON 无法读取（%2）。</translation>
    </message>
    <message>
        <source>nvidia-smi is installed but cannot talk to the NVIDIA driver; install or reload the driver (a reboot often helps).</source>
        <translation>已安装 nvidia-smi，但无法与 NVIDIA 驱动通信；请安装或重新加载驱动（重启通常有帮助）。</translation>
    </message>
    <message>
        <source>This nvidia-smi cannot report compute_cap (driver R470 or older).</source>
        <translation>此版本的 nvidia-smi 无法报告 compute_cap（驱动 R470 或更旧）。</translation>
    </message>
    <message>
        <source>nvidia-smi printed a line that cannot be read: %1</source>
        <translation>nvidia-smi 输出了无法读取的一行：%1</translation>
    </message>
    <message>
        <source>rocm-smi printed JSON that is not an object.</source>
        <translation>rocm-smi 输出的 JSON 不是对象。</translation>
    </message>
    <message>
        <source>rocm-smi reported no GPU memory.</source>
        <translation>rocm-smi 未报告 GPU 显存。</translation>
    </message>
    <message>
        <source>amd-smi reported no GPU memory.</source>
        <translation>amd-smi 未报告 GPU 显存。</translation>
    </message>
    <message>
        <source>/proc/meminfo has no MemTotal line.</source>
        <translation>/proc/meminfo 中没有 MemTotal 行。</translation>
    </message>
    <message>
        <source>docker version printed no client version.</source>
        <translation>docker version 未输出客户端版本。</translation>
    </message>
    <message>
        <source>docker info printed no server version.</source>
        <translation>docker info 未输出服务端版本。</translation>
    </message>
</context>
<context>
    <name>ezr::hub</name>
    <message>
        <source>%1 is gated and your token has no access yet. Accept the terms on %2 with the account of the token, then try again.</source>
        <translation>%1 需授权，而您的令牌尚无访问权限。请使用该令牌所属账号在 %2 上接受条款，然后重试。</translation>
    </message>
    <message>
        <source>%1 does not exist in that revision.</source>
        <translation>该版本中不存在 %1。</translation>
    </message>
    <message>
        <source>%1 was not found. Check the name.</source>
        <translation>未找到 %1。请检查名称。</translation>
    </message>
    <message>
        <source>Access to %1 was refused. Check that your token may read it (and accept the terms on %2 if the model is gated).</source>
        <translation>访问 %1 被拒绝。请检查您的令牌是否有读取权限（如果模型需授权，还需在 %2 上接受条款）。</translation>
    </message>
    <message>
        <source>Unknown source &apos;%1&apos;: use auto, hf, modelscope or local.</source>
        <translation>未知来源“%1”：请使用 auto、hf、modelscope 或 local。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a model id. Give it as owner/name (for example Qwen/Qwen2.5-0.5B-Instruct) or give a folder.</source>
        <translation>“%1”不是模型 ID。请以 所有者/名称 的形式给出（例如 Qwen/Qwen2.5-0.5B-Instruct），或提供一个文件夹。</translation>
    </message>
    <message>
        <source>The hub sent an answer about %1 that could not be read.</source>
        <translation>模型仓库返回的关于%1的响应无法读取。</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>the file list</source>
        <translation>文件列表</translation>
    </message>
    <message>
        <source>the search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>%1 was not found on ModelScope. Check the name and the revision.</source>
        <translation>在 ModelScope 上未找到 %1。请检查名称和版本。</translation>
    </message>
    <message>
        <source>ModelScope kept failing for %1. Try again later.</source>
        <translation>ModelScope 处理 %1 时持续失败。请稍后重试。</translation>
    </message>
    <message>
        <source>ModelScope refused the request for %1.</source>
        <translation>ModelScope 拒绝了对 %1 的请求。</translation>
    </message>
    <message>
        <source>A safetensors file is shorter than its header.</source>
        <translation>某个 safetensors 文件比其文件头还短。</translation>
    </message>
    <message>
        <source>A safetensors file has an invalid header.</source>
        <translation>某个 safetensors 文件的文件头无效。</translation>
    </message>
    <message>
        <source>A safetensors header was cut short.</source>
        <translation>某个 safetensors 文件头不完整。</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>%1 is gated. Accept its terms on %2, then add a Hugging Face token.</source>
        <translation>%1 是受限模型。请在 %2 上接受其条款，然后添加 Hugging Face 令牌。</translation>
    </message>
    <message>
        <source>The revision asked for does not exist for %1. Check the branch, tag or commit.</source>
        <translation>%1 不存在所请求的版本。请检查分支、标签或提交。</translation>
    </message>
    <message>
        <source>The Hugging Face token was refused. Set a valid one.</source>
        <translation>Hugging Face 令牌被拒绝。请设置一个有效的令牌。</translation>
    </message>
    <message>
        <source>%1 was not found. Check the name; if the model is private, add a Hugging Face token.</source>
        <translation>找不到 %1。请检查名称；如果模型是私有的，请添加 Hugging Face 令牌。</translation>
    </message>
    <message>
        <source>%1 needs a Hugging Face token. Accept the terms on %2 if the model is gated, then add a token.</source>
        <translation>%1 需要 Hugging Face 令牌。如果模型受限，请先在 %2 上接受条款，然后添加令牌。</translation>
    </message>
    <message>
        <source>ModelScope refused access to %1. If it needs a login, add a ModelScope token.</source>
        <translation>ModelScope 拒绝访问 %1。如果需要登录，请添加 ModelScope 令牌。</translation>
    </message>
    <message>
        <source>%1 has no GGUF files, so it has no variant %2.</source>
        <translation>%1 没有 GGUF 文件，因此没有变体 %2。</translation>
    </message>
    <message>
        <source>%1 has no variant %2. Its variants: %3.</source>
        <translation>%1 没有变体 %2。它的变体有：%3。</translation>
    </message>
</context>
<context>
    <name>ezr::hub::DownloadJob</name>
    <message>
        <source>%1 is a local model already; download takes a Hugging Face or ModelScope id.</source>
        <translation>%1 已是本地模型；download 需要 Hugging Face 或 ModelScope 的模型 ID。</translation>
    </message>
    <message>
        <source>Looking up %1 on %2…</source>
        <translation>正在 %2 上查找 %1…</translation>
    </message>
    <message>
        <source>%1 is not on %2; trying %3.</source>
        <translation>%2 上没有 %1；正在尝试 %3。</translation>
    </message>
    <message>
        <source>Not enough free space in %1: %2 are needed, %3 are free. Free some space or choose another --cache-dir.</source>
        <translation>%1 空间不足：需要 %2，可用 %3。请释放空间，或另选 --cache-dir。</translation>
    </message>
    <message>
        <source>Could not create the folder %1. Check the permissions or choose another --cache-dir.</source>
        <translation>无法创建文件夹 %1。请检查权限，或另选 --cache-dir。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Resuming %1 (%2 already here).</source>
        <translation>正在续传 %1（已有 %2）。</translation>
    </message>
    <message>
        <source>The server ignored the range request for %1.</source>
        <translation>服务器忽略了 %1 的范围请求。</translation>
    </message>
    <message>
        <source>The server sent %1 with another size than the hub lists. Try again later.</source>
        <translation>服务器发送的 %1 大小与模型仓库所列不符。请稍后重试。</translation>
    </message>
    <message>
        <source>The server sent more bytes than %1 has.</source>
        <translation>服务器发送的字节数超过了 %1 的大小。</translation>
    </message>
    <message>
        <source>Could not write %1. Check free space and permissions.</source>
        <translation>无法写入 %1。请检查可用空间和权限。</translation>
    </message>
    <message>
        <source>the connection kept closing early</source>
        <translation>连接频繁提前断开</translation>
    </message>
    <message>
        <source>Connection lost while fetching %1; resuming at %2.</source>
        <translation>获取 %1 时连接中断；将从 %2 处续传。</translation>
    </message>
    <message>
        <source>Could not read back %1.</source>
        <translation>无法回读 %1。</translation>
    </message>
    <message>
        <source>size %1 instead of %2</source>
        <translation>大小为 %1，应为 %2</translation>
    </message>
    <message>
        <source>sha256 %1 instead of %2</source>
        <translation>sha256 为 %1，应为 %2</translation>
    </message>
    <message>
        <source>Could not move %1 into place.</source>
        <translation>无法将 %1 移动到目标位置。</translation>
    </message>
    <message>
        <source>%1 arrived damaged twice and was not placed in the model folder. Try again later, or another endpoint.</source>
        <translation>%1 两次下载均已损坏，未放入模型文件夹。请稍后重试，或换用其他端点。</translation>
    </message>
    <message>
        <source>%1 failed verification (%2); fetching it again.</source>
        <translation>%1 校验失败（%2）；正在重新获取。</translation>
    </message>
    <message>
        <source>Could not create %1 in the cache.</source>
        <translation>无法在缓存中创建 %1。</translation>
    </message>
    <message>
        <source>Could not place %1 in %2.</source>
        <translation>无法将 %1 放入 %2。</translation>
    </message>
    <message>
        <source>%1 ready: %2 downloaded, %3 already in the cache.</source>
        <translation>%1 已就绪：下载 %2，缓存中已有 %3。</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>No file of %1 matches the files asked for.</source>
        <translation>%1 中没有与所请求文件相符的文件。</translation>
    </message>
    <message>
        <source>Could not lock %1 in the cache. Check the permissions or choose another cache folder.</source>
        <translation>无法在缓存中锁定 %1。请检查权限或选择其他缓存文件夹。</translation>
    </message>
    <message>
        <source>Waiting for another download of %1 into this cache to finish (%2, pid %3 on %4)…</source>
        <translation>正在等待另一个向此缓存下载 %1 的任务完成（%2，%4 上的进程 %3）…</translation>
    </message>
    <message>
        <source>The drive of the model cache (%1) filled up while %2 was downloaded. Free some space or choose another cache folder; the next download resumes where this one stopped.</source>
        <translation>下载 %2 时模型缓存所在的驱动器（%1）已满。请释放一些空间或选择其他缓存文件夹；下次下载会从中断处继续。</translation>
    </message>
</context>
<context>
    <name>ezr::hub::HuggingFaceClient</name>
    <message>
        <source>the model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>the file list of %1</source>
        <translation>%1 的文件列表</translation>
    </message>
    <message>
        <source>the file %1 of %2</source>
        <translation>%2 的文件 %1</translation>
    </message>
</context>
<context>
    <name>ezr::hub::InspectJob</name>
    <message>
        <source>Inspecting</source>
        <translation>正在检查</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>%1 is not on %2; trying %3.</source>
        <translation>%2 上没有 %1；正在尝试 %3。</translation>
    </message>
    <message>
        <source>config.json of %1 is not valid JSON (%2); its facts are left out.</source>
        <translation>%1 的 config.json 不是有效的 JSON（%2）；已忽略其中的信息。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is not a readable GGUF file.</source>
        <translation>%1 不是可读取的 GGUF 文件。</translation>
    </message>
    <message>
        <source>%1 was found neither on Hugging Face nor on ModelScope. Check the name, or choose the hub.</source>
        <translation>在 Hugging Face 和 ModelScope 上都找不到 %1。请检查名称，或选择模型中心。</translation>
    </message>
    <message>
        <source>%1 is not on %2, and %3 could not be asked (%4). Check the name.</source>
        <translation>%1 不在 %2 上，且无法询问 %3（%4）。请检查名称。</translation>
    </message>
</context>
<context>
    <name>ezr::hub::LocalClient</name>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The revision %1 is not in the cache folder %2.</source>
        <translation>版本 %1 不在缓存文件夹 %2 中。</translation>
    </message>
    <message>
        <source>The folder %1 holds no files.</source>
        <translation>文件夹 %1 中没有文件。</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 is not in the cache %2. Download it first, or choose its folder.</source>
        <translation>%1 不在缓存 %2 中。请先下载，或选择它所在的文件夹。</translation>
    </message>
</context>
<context>
    <name>ezr::hub::ModelScopeClient</name>
    <message>
        <source>the model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>the file %1 of %2</source>
        <translation>%2 的文件 %1</translation>
    </message>
</context>
<context>
    <name>ezr::hub::SearchJob</name>
    <message>
        <source>Unknown sort &apos;%1&apos;: use downloads, likes, trending, created or modified.</source>
        <translation>未知排序方式“%1”：请使用 downloads、likes、trending、created 或 modified。</translation>
    </message>
    <message>
        <source>the search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>ezr::kit</name>
    <message>
        <source>Docker described the image %1 in a form EZ Runner does not understand.</source>
        <translation>Docker 对镜像 %1 的描述格式 EZ Runner 无法识别。</translation>
    </message>
    <message>
        <source>Docker gave no size for the image %1.</source>
        <translation>Docker 未提供镜像 %1 的大小。</translation>
    </message>
    <message>
        <source>The image %1 does not exist in Docker: check the name with &apos;docker images&apos;.</source>
        <translation>Docker 中不存在镜像 %1：请使用 &apos;docker images&apos; 检查名称。</translation>
    </message>
    <message>
        <source>Docker failed while exporting %1: see the details below.</source>
        <translation>Docker 导出 %1 时失败：请查看下方详细信息。</translation>
    </message>
    <message>
        <source>The kit template %1 is missing: reinstall EZ Runner or set EZRUNNER_TEMPLATES_DIR.</source>
        <translation>缺少离线部署包模板 %1：请重新安装 EZ Runner 或设置 EZRUNNER_TEMPLATES_DIR。</translation>
    </message>
    <message>
        <source>The kit template %1 has an error: fix or remove the override.</source>
        <translation>离线部署包模板 %1 有错误：请修正或移除该覆盖。</translation>
    </message>
    <message>
        <source>Compressing the image failed.</source>
        <translation>压缩镜像失败。</translation>
    </message>
    <message>
        <source>The drive ran out of space while the kit was written; what was written has been removed. Free some space or use a bigger drive.</source>
        <translation>写入离线部署包时磁盘空间不足；已写入的内容已被删除。请释放一些空间或使用更大的磁盘。</translation>
    </message>
    <message>
        <source>The file system refuses files this big: export with --split auto or a split size.</source>
        <translation>文件系统不支持这么大的文件：请使用 --split auto 或指定分卷大小进行导出。</translation>
    </message>
    <message>
        <source>Writing the kit failed: check the drive.</source>
        <translation>写入离线部署包失败：请检查磁盘。</translation>
    </message>
    <message>
        <source>Reading the image from Docker failed.</source>
        <translation>从 Docker 读取镜像失败。</translation>
    </message>
    <message>
        <source>A file of the kit cannot be read back: the drive may be failing.</source>
        <translation>无法回读离线部署包中的某个文件：磁盘可能出现故障。</translation>
    </message>
    <message>
        <source>The compressed image in the kit is damaged: export it again.</source>
        <translation>离线部署包中的压缩镜像已损坏：请重新导出。</translation>
    </message>
    <message>
        <source>%1 reads back differently from what was written: the drive may be failing. Use another drive.</source>
        <translation>%1 回读的内容与写入的不一致：磁盘可能出现故障。请换用其他磁盘。</translation>
    </message>
    <message>
        <source>The image in the kit does not match what Docker exported: export it again.</source>
        <translation>离线部署包中的镜像与 Docker 导出的不一致：请重新导出。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a split size: use auto, none, or a size such as 2G or 700M.</source>
        <translation>“%1”不是有效的分卷大小：请使用 auto、none 或类似 2G、700M 的大小。</translation>
    </message>
    <message>
        <source>The split size &apos;%1&apos; is out of range: use at least 1M.</source>
        <translation>分卷大小“%1”超出范围：至少为 1M。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a compression: use none or zstd.</source>
        <translation>“%1”不是有效的压缩方式：请使用 none 或 zstd。</translation>
    </message>
    <message>
        <source>No mounted file system holds %1: check the path.</source>
        <translation>没有已挂载的文件系统包含 %1：请检查路径。</translation>
    </message>
    <message>
        <source>The kit would need more than 999 parts: choose a bigger split size or another drive.</source>
        <translation>套件需要超过 999 个分卷：请选择更大的分卷大小或其他驱动器。</translation>
    </message>
    <message>
        <source>EZ Runner smoke test (offline proof before shipping)</source>
        <translation>EZ Runner 冒烟测试（发货前的离线验证）</translation>
    </message>
    <message>
        <source>Result: passed</source>
        <translation>结果：通过</translation>
    </message>
    <message>
        <source>Result: FAILED: %1</source>
        <translation>结果：失败：%1</translation>
    </message>
    <message>
        <source>Result: not run: %1</source>
        <translation>结果：未运行：%1</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <source>Image: %1 (%2)</source>
        <translation>镜像：%1（%2）</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>引擎：%1</translation>
    </message>
    <message>
        <source>Model id: %1</source>
        <translation>模型 ID：%1</translation>
    </message>
    <message>
        <source>What ran: docker run --network none (no route in or out, no published port), then from inside the container with %1: the health check on port %2, GET /v1/models, and one streamed chat completion (temperature 0).</source>
        <translation>运行内容：docker run --network none（无进出路由，不发布端口），然后在容器内部使用 %1：端口 %2 上的健康检查、GET /v1/models，以及一次流式对话补全（temperature 0）。</translation>
    </message>
    <message>
        <source>no client</source>
        <translation>无客户端</translation>
    </message>
    <message>
        <source>Network of the container: %1</source>
        <translation>容器的网络：%1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Healthy after: %1 s</source>
        <translation>达到健康用时：%1 秒</translation>
    </message>
    <message>
        <source>Time to first token: %1 ms</source>
        <translation>首个 token 用时：%1 毫秒</translation>
    </message>
    <message>
        <source>Completion tokens: %1</source>
        <translation>补全 token 数：%1</translation>
    </message>
    <message>
        <source>Tokens per second: %1</source>
        <translation>每秒 token 数：%1</translation>
    </message>
    <message>
        <source>Engine log (last lines):</source>
        <translation>引擎日志（最后几行）：</translation>
    </message>
    <message>
        <source>Docker described the container in a form EZ Runner does not understand.</source>
        <translation>Docker 描述容器的格式 EZ Runner 无法理解。</translation>
    </message>
    <message>
        <source>/v1/models did not answer with a list of models.</source>
        <translation>/v1/models 没有返回模型列表。</translation>
    </message>
    <message>
        <source>The image is built for %1 and this computer is %2.</source>
        <translation>该镜像为 %1 构建，而本机是 %2。</translation>
    </message>
    <message>
        <source>EZ Runner cannot test %1 images on this computer.</source>
        <translation>EZ Runner 无法在本机上测试 %1 镜像。</translation>
    </message>
    <message>
        <source>The image needs an %1 GPU and this computer has none: test it on the target with run.sh.</source>
        <translation>该镜像需要 %1 GPU，而本机没有：请在目标机器上用 run.sh 测试。</translation>
    </message>
    <message>
        <source>The image needs %1 GPUs and this computer has %2.</source>
        <translation>该镜像需要 %1 块 GPU，而本机有 %2 块。</translation>
    </message>
    <message>
        <source>Docker on this computer has no NVIDIA runtime (install the NVIDIA Container Toolkit).</source>
        <translation>本机的 Docker 没有 NVIDIA 运行时（请安装 NVIDIA Container Toolkit）。</translation>
    </message>
    <message>
        <source>The image needs %1 MiB on each GPU and this computer&apos;s %2 has %3 MiB.</source>
        <translation>该镜像每块 GPU 需要 %1 MiB，而本机的 %2 只有 %3 MiB。</translation>
    </message>
    <message>
        <source>The drive went away or failed while the kit was written. Plug it in again (or use another drive) and export again: what is on it is not a complete kit.</source>
        <translation>写入离线包时驱动器断开或出错。请重新插入（或换一个驱动器）后再次导出：上面现有的内容不是完整的离线包。</translation>
    </message>
    <message>
        <source>The kit&apos;s folder %1 is no longer where it was: the drive was removed or unmounted while the kit was written. Plug it in again and export again: what is on it is not a complete kit.</source>
        <translation>离线包文件夹 %1 已不在原处：写入时驱动器被拔出或卸载。请重新插入后再次导出：上面现有的内容不是完整的离线包。</translation>
    </message>
    <message>
        <source>The image stream from docker save could not be read to the end.</source>
        <translation>无法把 docker save 输出的镜像流读到结尾。</translation>
    </message>
    <message>
        <source>Docker&apos;s image stream is not a tar archive this version can read, so the layers the target has cannot be left out. Export without --target-has.</source>
        <translation>Docker 的镜像流不是此版本能读取的 tar 归档，因此无法略去目标机器已有的层。请不带 --target-has 导出。</translation>
    </message>
    <message numerus="yes">
        <source>Update from revision %1 to %2: %3 of %n shard(s).</source>
        <translation>
            <numerusform>从修订版 %1 更新到 %2：%n 个分片中的 %3 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>The target ledger is damaged: %1 %2.</source>
        <translation>目标机器台账已损坏：%1 %2。</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be an image name</source>
        <translation>必须是镜像名称</translation>
    </message>
    <message>
        <source>must be an image ID (sha256:...)</source>
        <translation>必须是镜像 ID（sha256:...）</translation>
    </message>
    <message>
        <source>must be a list of layer IDs (sha256:...)</source>
        <translation>必须是层 ID 列表（sha256:...）</translation>
    </message>
    <message>
        <source>must be &quot;kit&quot; or &quot;report&quot;</source>
        <translation>必须是 &quot;kit&quot; 或 &quot;report&quot;</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>太长</translation>
    </message>
    <message>
        <source>must be a date (ISO 8601)</source>
        <translation>必须是日期（ISO 8601）</translation>
    </message>
    <message>
        <source>must be a size in bytes</source>
        <translation>必须是以字节计的大小</translation>
    </message>
    <message>
        <source>must be a list of images</source>
        <translation>必须是镜像列表</translation>
    </message>
    <message>
        <source>its report %1 of %2</source>
        <translation>它在 %2 的报告 %1</translation>
    </message>
    <message>
        <source>the kit of %1 in %2</source>
        <translation>%1 在 %2 的离线部署包</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1（来自%2）</translation>
    </message>
    <message>
        <source>The target name &quot;%1&quot; is not usable: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (not starting with &apos;.&apos;), such as site-a.</source>
        <translation>目标机器名称 &quot;%1&quot; 不可用：请使用 1 到 64 个字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos;（不能以 &apos;.&apos; 开头），例如 site-a。</translation>
    </message>
    <message>
        <source>The target ledger is damaged: it is not a JSON object.</source>
        <translation>目标机器台账已损坏：它不是 JSON 对象。</translation>
    </message>
    <message>
        <source>must be &quot;%1&quot;</source>
        <translation>必须是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The target ledger has version %1; this EZ Runner reads version %2.</source>
        <translation>目标机器台账的版本是 %1；此版本的 EZ Runner 只能读取版本 %2。</translation>
    </message>
    <message>
        <source>must be a target name</source>
        <translation>必须是目标机器名称</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>The target already has some of these layers: this kit is %1 instead of %2.</source>
        <translation>目标机器已有其中一些层：本离线部署包为 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>The target already has %1: this kit is %2 instead of %3.</source>
        <translation>目标机器已有 %1：本离线部署包为 %2，而不是 %3。</translation>
    </message>
    <message>
        <source>The target already has %1: this kit leaves out the layers it shares with it.</source>
        <translation>目标机器已有 %1：本离线部署包略去与之共享的层。</translation>
    </message>
    <message>
        <source>The target already has %n image(s), among them %1: this kit leaves out the layers it shares with them.</source>
        <translation>目标机器已有 %n 个镜像，其中包括 %1：本离线部署包略去与它们共享的层。</translation>
    </message>
    <message>
        <source>Cannot use the target ledger %1: %2 Move it away to start the target afresh (the next kit is then a full one).</source>
        <translation>无法使用目标机器台账 %1：%2 把它移走即可重新开始记录该目标机器（下一个离线部署包将是完整的）。</translation>
    </message>
    <message>
        <source>it cannot be read.</source>
        <translation>无法读取。</translation>
    </message>
    <message>
        <source>it is far too large to be a ledger.</source>
        <translation>它太大，不可能是台账。</translation>
    </message>
    <message>
        <source>it is the ledger of %1.</source>
        <translation>它是 %1 的台账。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the target ledgers.</source>
        <translation>无法为目标机器台账创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The target ledger %1 is locked by another EZ Runner.</source>
        <translation>目标机器台账 %1 正被另一个 EZ Runner 锁定。</translation>
    </message>
    <message>
        <source>The kit in %1 is complete, but the ledger of %2 could not record it: %3</source>
        <translation>%1 中的离线部署包已完成，但 %2 的台账未能记录它：%3</translation>
    </message>
    <message>
        <source>The report %1 lists no Docker images: make it on the target with this version&apos;s probe.sh or &quot;ezrunner hw --json&quot;.</source>
        <translation>报告 %1 中没有列出 Docker 镜像：请在目标机器上用此版本的 probe.sh 或 &quot;ezrunner hw --json&quot; 生成报告。</translation>
    </message>
</context>
<context>
    <name>ezr::kit::ExportJob</name>
    <message>
        <source>The kit is complete: %1</source>
        <translation>离线部署包已完成：%1</translation>
    </message>
    <message>
        <source>Name the image to export and the folder to write the kit to.</source>
        <translation>请指定要导出的镜像以及离线部署包的写入文件夹。</translation>
    </message>
    <message>
        <source>Inspecting the image</source>
        <translation>正在检查镜像</translation>
    </message>
    <message>
        <source>The split size is too small for this image (more than 999 parts): choose a bigger one.</source>
        <translation>分卷大小对此镜像来说太小（超过 999 个分卷）：请选择更大的值。</translation>
    </message>
    <message>
        <source>The kit needs about %1 but %2 has only %3 free: %4 more are needed. Free some space or choose a bigger drive.</source>
        <translation>离线部署包约需 %1，但 %2 仅有 %3 可用：还需 %4。请释放空间，或选择更大的驱动器。</translation>
    </message>
    <message>
        <source>The free space of %1 is unknown; the export stops if the drive fills up.</source>
        <translation>%1 的可用空间未知；如果驱动器写满，导出将停止。</translation>
    </message>
    <message>
        <source>Writing the kit to %1 (%2, %3 free)</source>
        <translation>正在将离线部署包写入 %1（%2，可用 %3）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Cannot create a pipe for docker save.</source>
        <translation>无法为 docker save 创建管道。</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <source>%1 is FAT32, which cannot hold a file of 4 GiB or more: export the kit in parts.</source>
        <translation>%1 是 FAT32，无法存放 4 GiB 或更大的文件：请分卷导出套件。</translation>
    </message>
    <message>
        <source>The drive refused a file bigger than %1 (%2 bytes): the kit is in parts of that size.</source>
        <translation>驱动器拒绝了大于 %1（%2 字节）的文件：套件已按该大小分卷。</translation>
    </message>
    <message>
        <source>The image stream from docker save ended early (%1 read): the kit would be incomplete.</source>
        <translation>docker save 的镜像数据流提前结束（已读取 %1）：这样的离线包不完整。</translation>
    </message>
    <message>
        <source>exporting %1</source>
        <translation>导出 %1</translation>
    </message>
    <message numerus="yes">
        <source>Left out %n layer(s) the target has (%1).</source>
        <translation>
            <numerusform>已略去目标机器已有的 %n 个层（%1）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ezr::kit::SaveTarJob</name>
    <message>
        <source>Saving the image</source>
        <translation>正在保存镜像</translation>
    </message>
    <message>
        <source>Cannot write %1. Check the folder&apos;s permissions.</source>
        <translation>无法写入 %1。请检查文件夹的权限。</translation>
    </message>
</context>
<context>
    <name>ezr::kit::SmokeTestJob</name>
    <message>
        <source>Testing the image offline</source>
        <translation>正在离线测试镜像</translation>
    </message>
    <message>
        <source>Reading the image %1</source>
        <translation>正在读取镜像 %1</translation>
    </message>
    <message>
        <source>Checking this computer&apos;s GPUs</source>
        <translation>正在检查本机的 GPU</translation>
    </message>
    <message>
        <source>Starting the image without a network</source>
        <translation>正在无网络启动镜像</translation>
    </message>
    <message>
        <source>Docker could not start the image: %1</source>
        <translation>Docker 无法启动镜像：%1</translation>
    </message>
    <message>
        <source>Looking for curl, wget or python3 in the image</source>
        <translation>正在镜像中查找 curl、wget 或 python3</translation>
    </message>
    <message>
        <source>The image has none of curl, wget or python3, so EZ Runner cannot reach the engine inside it without a network. Add curl to the image (its health check needs it too).</source>
        <translation>镜像中没有 curl、wget 或 python3，因此在无网络的情况下 EZ Runner 无法访问其中的引擎。请在镜像中添加 curl（其健康检查也需要它）。</translation>
    </message>
    <message>
        <source>Waiting for the engine to be healthy</source>
        <translation>正在等待引擎健康</translation>
    </message>
    <message>
        <source>The container is on the network &quot;%1&quot;, not on none.</source>
        <translation>容器位于网络 “%1”，而不是 none。</translation>
    </message>
    <message>
        <source>The engine ran out of memory at start and was stopped.</source>
        <translation>引擎在启动时内存不足，已被停止。</translation>
    </message>
    <message>
        <source>The engine stopped at start (exit code %1).</source>
        <translation>引擎在启动时停止（退出码 %1）。</translation>
    </message>
    <message>
        <source>The image&apos;s health check says the engine is unhealthy.</source>
        <translation>镜像的健康检查显示引擎不健康。</translation>
    </message>
    <message>
        <source>The engine was not healthy after %1 s.</source>
        <translation>%1 秒后引擎仍不健康。</translation>
    </message>
    <message>
        <source>Asking /v1/models for %1</source>
        <translation>正在向 /v1/models 查询 %1</translation>
    </message>
    <message>
        <source>/v1/models refused the request (401): the image expects an API key.</source>
        <translation>/v1/models 拒绝了请求（401）：该镜像需要 API 密钥。</translation>
    </message>
    <message>
        <source>/v1/models answered %1.</source>
        <translation>/v1/models 返回了 %1。</translation>
    </message>
    <message>
        <source>The engine serves %1, not %2: clients asking for %2 would be refused.</source>
        <translation>引擎提供的是 %1，而不是 %2：请求 %2 的客户端会被拒绝。</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Asking for a short chat completion</source>
        <translation>正在请求一次简短的对话补全</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>状态 %1</translation>
    </message>
    <message>
        <source>no text was streamed</source>
        <translation>没有流式返回任何文本</translation>
    </message>
    <message>
        <source>The chat completion failed: %1.</source>
        <translation>对话补全失败：%1。</translation>
    </message>
    <message>
        <source>Passed: healthy after %1 s, first token after %2 ms, %3 tokens/s.</source>
        <translation>通过：%1 秒后健康，首个 token 用时 %2 毫秒，%3 tokens/秒。</translation>
    </message>
</context>
<context>
    <name>ezr::net</name>
    <message>
        <source>%1 was not found. Check the name, the revision and the endpoint.</source>
        <translation>未找到 %1。请检查名称、版本和端点。</translation>
    </message>
    <message>
        <source>The server kept failing for %1 (HTTP %2). Try again later.</source>
        <translation>服务器处理 %1 时持续失败（HTTP %2）。请稍后重试。</translation>
    </message>
    <message>
        <source>The server refused the request for %1 (HTTP %2).</source>
        <translation>服务器拒绝了对 %1 的请求（HTTP %2）。</translation>
    </message>
    <message>
        <source>the transfer took too long</source>
        <translation>传输耗时过长</translation>
    </message>
    <message>
        <source>Could not reach %1. Check the network connection and the hub&apos;s address (or use a mirror), then try again.</source>
        <translation>无法连接 %1。请检查网络连接和模型中心的地址（或使用镜像站），然后重试。</translation>
    </message>
    <message>
        <source>Access to %1 was refused. Add a valid token that has access to it.</source>
        <translation>访问 %1 被拒绝。请添加一个有权访问它的有效令牌。</translation>
    </message>
</context>
<context>
    <name>ezr::net::Transfer</name>
    <message>
        <source>no data arrived for too long</source>
        <translation>长时间未收到数据</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>服务器未及时响应</translation>
    </message>
    <message>
        <source>a redirect without a Location</source>
        <translation>重定向缺少 Location</translation>
    </message>
    <message>
        <source>too many redirects</source>
        <translation>重定向次数过多</translation>
    </message>
</context>
<context>
    <name>ezr::pack</name>
    <message>
        <source>Inspecting the model</source>
        <translation>正在查看模型</translation>
    </message>
    <message>
        <source>Checking the target</source>
        <translation>正在检查目标机器</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>正在规划</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>Staging the build context</source>
        <translation>正在准备构建上下文</translation>
    </message>
    <message>
        <source>Building the image</source>
        <translation>正在构建镜像</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>The plan for %1 has no candidate &quot;%2&quot;. Its candidates: %3.</source>
        <translation>%1 的方案中没有候选“%2”。它的候选有：%3。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No candidate on %1 GPUs fits this model on %2.</source>
        <translation>在 %2 上，没有使用 %1 块 GPU 的候选方案能放下这个模型。</translation>
    </message>
    <message>
        <source>Nothing fits this model on %1.</source>
        <translation>在 %1 上放不下这个模型。</translation>
    </message>
    <message>
        <source>Planning needs the model and the target first.</source>
        <translation>规划需要先有模型和目标机器。</translation>
    </message>
    <message>
        <source>This computer is checked by the hardware probe.</source>
        <translation>这台计算机由硬件探测检查。</translation>
    </message>
    <message>
        <source>Testing the image offline</source>
        <translation>正在离线测试镜像</translation>
    </message>
    <message>
        <source>The smoke test of %1 failed, so nothing was exported: %2</source>
        <translation>%1 的冒烟测试失败，因此没有导出任何内容：%2</translation>
    </message>
    <message>
        <source>Pushing to the registry</source>
        <translation>正在推送到镜像仓库</translation>
    </message>
</context>
<context>
    <name>ezr::pack::PackJob</name>
    <message>
        <source>Choose where the kit or the image file goes.</source>
        <translation>请选择套件或镜像文件的存放位置。</translation>
    </message>
    <message>
        <source>Checking Docker</source>
        <translation>正在检查 Docker</translation>
    </message>
</context>
<context>
    <name>ezr::pack::PackSession</name>
    <message>
        <source>The model has not been looked up yet.</source>
        <translation>尚未查询该模型。</translation>
    </message>
</context>
<context>
    <name>ezr::profile</name>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Internal error: the step has no job.</source>
        <translation>内部错误：该步骤没有作业。</translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation>以下之一：%1</translation>
    </message>
    <message>
        <source>an http or https address without user name or password</source>
        <translation>不含用户名或密码的 http 或 https 地址</translation>
    </message>
    <message>
        <source>empty for a local model</source>
        <translation>本地模型为空</translation>
    </message>
    <message>
        <source>a model id like “owner/name”</source>
        <translation>形如“owner/name”的模型 ID</translation>
    </message>
    <message>
        <source>a branch, tag or commit without spaces</source>
        <translation>不含空格的分支、标签或提交</translation>
    </message>
    <message>
        <source>the 40 lower-case hex digits of the commit the revision resolved to</source>
        <translation>该修订解析到的提交的 40 位小写十六进制数字</translation>
    </message>
    <message>
        <source>a quantization variant name like “Q4_K_M”</source>
        <translation>形如“Q4_K_M”的量化变体名称</translation>
    </message>
    <message>
        <source>absent unless “target.kind” is “%1”</source>
        <translation>仅当“target.kind”为“%1”时存在</translation>
    </message>
    <message>
        <source>a GPU spec like “2xA100-80GB”, “RTX4090”, “H200” or “cpu”</source>
        <translation>形如“2xA100-80GB”、“RTX4090”、“H200”或“cpu”的 GPU 规格</translation>
    </message>
    <message>
        <source>the output of “ezrunner hw --json”</source>
        <translation>“ezrunner hw --json”的输出</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <source>a candidate name like “vllm-bf16-tp2”</source>
        <translation>形如“vllm-bf16-tp2”的候选名称</translation>
    </message>
    <message>
        <source>a candidate of engine “%1” (“%1-…”)</source>
        <translation>引擎“%1”的候选（“%1-…”）</translation>
    </message>
    <message>
        <source>an image reference</source>
        <translation>一个镜像引用</translation>
    </message>
    <message>
        <source>0 (the engine&apos;s default) or a fraction from 0.05 to 1</source>
        <translation>0（引擎默认值）或 0.05 到 1 之间的比例</translation>
    </message>
    <message>
        <source>an image name like “ezrunner/qwen2.5-0.5b” (lower case)</source>
        <translation>形如“ezrunner/qwen2.5-0.5b”的镜像名称（小写）</translation>
    </message>
    <message>
        <source>an image tag like “v1” or “vllm-bf16”</source>
        <translation>形如“v1”或“vllm-bf16”的镜像标签</translation>
    </message>
    <message>
        <source>“auto”, “none” or a size like “4G”</source>
        <translation>“auto”、“none”或形如“4G”的大小</translation>
    </message>
    <message>
        <source>The profile is not valid JSON (%1 at byte %2). Correct the file, or save the profile again from the wizard.</source>
        <translation>该配置文件不是有效的 JSON（第 %2 字节处%1）。请修正文件，或在向导中重新保存配置文件。</translation>
    </message>
    <message>
        <source>The profile must be a JSON object (“{ … }”) with the fields of docs/profile-schema.md.</source>
        <translation>配置文件必须是包含 docs/profile-schema.md 所列字段的 JSON 对象（“{ … }”）。</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>配置文件 %1：%2</translation>
    </message>
    <message>
        <source>The profile %1 does not exist. Check the path and the file name.</source>
        <translation>配置文件 %1 不存在。请检查路径和文件名。</translation>
    </message>
    <message>
        <source>%1 is not a regular file. Give the path of a .ezrunner file.</source>
        <translation>%1 不是普通文件。请给出 .ezrunner 文件的路径。</translation>
    </message>
    <message>
        <source>Cannot read the profile %1. Check that the file is readable.</source>
        <translation>无法读取配置文件 %1。请检查该文件是否可读。</translation>
    </message>
    <message>
        <source>The profile holds the value of a token variable.</source>
        <translation>配置文件中含有令牌变量的值。</translation>
    </message>
    <message>
        <source>Could not save the profile to %1. Check that the folder exists and is writable and that the disk has room; the previous file, if any, is unchanged.</source>
        <translation>无法将配置文件保存到 %1。请检查文件夹是否存在且可写、磁盘是否有空间；原有文件（如有）未被改动。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>“this-machine”, a GPU spec or a hardware report</source>
        <translation>“this-machine”、GPU 规格或硬件报告</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>This profile is version %1, but this EZ Runner reads profile versions %2 to %3. Open it with the EZ Runner that saved it, or update EZ Runner.</source>
        <translation>该配置文件为版本 %1，但此 EZ Runner 只能读取版本 %2 到 %3 的配置文件。请用保存它的 EZ Runner 打开，或更新 EZ Runner。</translation>
    </message>
    <message>
        <source>a UTC time like “2026-12-02T18:00:00Z”</source>
        <translation>UTC 时间，例如 “2026-12-02T18:00:00Z”</translation>
    </message>
    <message>
        <source>an image id like “sha256:…”</source>
        <translation>镜像 ID，例如 “sha256:…”</translation>
    </message>
    <message>
        <source>a Docker network mode like “none”</source>
        <translation>Docker 网络模式，例如 “none”</translation>
    </message>
    <message>
        <source>a number from 0 to 1000000000</source>
        <translation>0 到 1000000000 之间的数字</translation>
    </message>
    <message>
        <source>the registry to push to (HOST[:PORT][/PREFIX])</source>
        <translation>要推送到的镜像仓库（HOST[:PORT][/PREFIX]）</translation>
    </message>
</context>
<context>
    <name>ezr::profile::ObjectReader</name>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>at most %1 characters long</source>
        <translation>长度不超过 %1 个字符</translation>
    </message>
    <message>
        <source>text that is not empty</source>
        <translation>非空文本</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a list of text</source>
        <translation>文本列表</translation>
    </message>
    <message>
        <source>a list of at most %1 entries</source>
        <translation>最多 %1 项的列表</translation>
    </message>
    <message>
        <source>a file name or pattern</source>
        <translation>文件名或模式</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
</context>
<context>
    <name>ezr::profile::errors</name>
    <message>
        <source>The profile field “%1” is missing; it must be %2. Add it, or save the profile again from the wizard.</source>
        <translation>缺少配置文件字段“%1”；它必须是%2。请添加该字段，或在向导中重新保存配置文件。</translation>
    </message>
    <message>
        <source>The profile field “%1” must be %2, not %3. Correct it in the file.</source>
        <translation>配置文件字段“%1”必须是%2，而不是%3。请在文件中修正。</translation>
    </message>
    <message>
        <source>The profile field “%1” must be %2 (found “%3”). Correct it in the file.</source>
        <translation>配置文件字段“%1”必须是%2（实际为“%3”）。请在文件中修正。</translation>
    </message>
    <message>
        <source>The profile field “%1” is not part of profile version %2. Check its spelling or remove it.</source>
        <translation>配置文件字段“%1”不属于配置文件版本 %2。请检查拼写或删除该字段。</translation>
    </message>
    <message>
        <source>The file has %1 bytes, but a profile has at most %2 bytes (4 MiB), so this is not a profile. Choose the .ezrunner file that EZ Runner saved.</source>
        <translation>该文件有 %1 字节，而配置文件最多 %2 字节（4 MiB），因此这不是配置文件。请选择 EZ Runner 保存的 .ezrunner 文件。</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>The profile field “%1” holds what looks like an access token or password. Profiles never hold tokens: remove it, and keep tokens in EZ Runner&apos;s settings (the system keychain) or in HF_TOKEN and MODELSCOPE_API_TOKEN.</source>
        <translation>配置文件字段“%1”中似乎有访问令牌或密码。配置文件从不保存令牌：请删除它，并把令牌保存在 EZ Runner 的设置（系统钥匙串）中，或放在 HF_TOKEN 和 MODELSCOPE_API_TOKEN 中。</translation>
    </message>
</context>
<context>
    <name>ezr::secrets::SecretStore</name>
    <message>
        <source>No secret is stored under that name.</source>
        <translation>该名称下没有存储任何密钥。</translation>
    </message>
    <message>
        <source>Access to the system keychain was refused. Unlock the keychain and try again.</source>
        <translation>访问系统钥匙串被拒绝。请解锁钥匙串后重试。</translation>
    </message>
    <message>
        <source>No system keychain is available. Install and start a Secret Service provider (such as GNOME Keyring or KWallet), or set the token in the environment instead.</source>
        <translation>没有可用的系统钥匙串。请安装并启动 Secret Service 提供程序（如 GNOME Keyring 或 KWallet），或改为在环境变量中设置令牌。</translation>
    </message>
    <message>
        <source>The system keychain did not answer. Make sure it is running and unlocked, or set the token in the environment instead.</source>
        <translation>系统钥匙串未响应。请确认其正在运行且已解锁，或改为在环境变量中设置令牌。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>EZ Runner</source>
        <translation>EZ Runner</translation>
    </message>
</context>
</TS>
