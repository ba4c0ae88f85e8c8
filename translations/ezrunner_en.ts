<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ezr::Error</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:
  -h, --help     Show this help (or a command&apos;s: ezrunner COMMAND --help)
  -v, --version  Show the version

Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 authentication, 5 network,
6 Docker unavailable, 7 build failed, 8 not enough space, 9 integrity,
10 does not fit, 130 cancelled.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU:    %1 (%2 logical cores%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU:    none found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU %1:  %2, %3, compute capability %4, driver %5, CUDA %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk:   %1 free for Docker, %2 free for the model cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker: %1 (client %2), BuildKit %3, GPU runtime %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker: unavailable (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The docker program (default $EZRUNNER_DOCKER or docker on PATH).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use IMAGE for ENGINE instead of the catalog&apos;s (e.g. a registry mirror). Repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port the engine serves on inside the container. Default: 8080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name recorded in the image&apos;s labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between health checks. Default: 30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give one MODEL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch, tag or commit (default: main on Hugging Face, master on ModelScope).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face endpoint or mirror (default: $HF_ENDPOINT or https://huggingface.co).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelScope endpoint (default: $MODELSCOPE_ENDPOINT or https://modelscope.cn).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model cache in the Hugging Face layout (default: $HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print no progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing MODEL (an owner/name id or a folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing fits this target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version of EZ Runner and its libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this engine: vllm, sglang, tgi, llamacpp or transformers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve with this candidate of the plan (e.g. vllm-bf16-tp2) instead of the chosen one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens of context to serve (default: as many as fit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs to shard the model over (default: the fewest that fit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the model comes from: hf (the default), modelscope, local, or auto (Hugging Face, then ModelScope). Without --source, a path is local and an id that Hugging Face does not have is looked up on ModelScope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an image as an offline kit (parts, checksums, scripts) to a folder or drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder to write the kit to (e.g. on a USB drive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (4 GiB − 1 on FAT32, else one file), none, or a size like 2G or 700M.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none or zstd (the target then needs the zstd program).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the written kit back and check every checksum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the kit&apos;s README (en, zh_CN); default: the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this profile (it must hold no secrets) to the kit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List mounted drives with free space and file system, removable first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The docker program (default: $EZRUNNER_DOCKER, else docker on PATH).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No progress output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export needs --to DIR (the folder for the kit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the profile %1: check the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2  %3 free of %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (removable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read back and verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checksums in SHA256SUMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the target: sh load.sh, then sh run.sh (see README.txt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model id (org/name) on the chosen hub, or a model folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the image as one tar file (docker load &lt; FILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an offline kit (parts, checksums, scripts) to this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay a saved profile; other options override its choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every choice of this run as a profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the plan and the Dockerfile; download no model files and run no Docker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require an API key (given on the target as EZRUNNER_API_KEY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kit part size: auto, none or a size like 2G.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kit compression: none or zstd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the kit back and check every checksum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 wants a whole number from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile %1 is a draft that names no model: give MODEL, or choose a model in EZ Runner and save the profile again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the report %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a report of “ezrunner hw --json”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--engine wants one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the Dockerfile %1. Check the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either -o FILE.tar or --to DIR, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dockerfile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1 (%2) written to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantization variant to use among the repository&apos;s GGUF files (e.g. Q4_K_M).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the image. Default: ezrunner/&lt;model&gt;:&lt;candidate&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build this (edited) Dockerfile instead of the generated one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto, buildkit or legacy. Default: auto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build every layer again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--builder wants auto, buildkit or legacy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--served-name wants a model id like owner/name or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model id the image serves, sent by clients as &quot;model&quot; (default: the repository id, or the model folder&apos;s name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole pipeline: inspect, plan, download, Dockerfile, build, test (--smoke-test) and export (or replay a profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The smoke test was not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoke test passed offline: first token after %1 ms, %2 tokens/s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before exporting, start the image with no network (--network none) and check that it serves: health, /v1/models, one chat (as &quot;ezrunner test&quot;). A failure stops the pack with exit 1 and nothing is exported; an image this computer cannot run (a GPU it lacks) is exported, and the kit&apos;s SMOKE-TEST.txt says why it was not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the engine&apos;s last log lines; check the served id (--served-name), the port (--port) and whether the image expects an API key (--api-key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline smoke test of an image: --network none, health, /v1/models, one chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts IMAGE with no network at all (docker run --network none, no published port), waits for the engine&apos;s health, then from inside the container (with its curl, wget or python3) checks that /v1/models lists the served id and streams one short chat completion (temperature 0). Reports the time to healthy, the time to first token and tokens/s. The container is removed however the test ends.
Exit codes: 0 passed; 1 failed (the image does not serve: the reason and the engine&apos;s last log lines are printed); 10 not run (this computer cannot run the image, e.g. a GPU image without that GPU); 3 no such image; 6 Docker unavailable; 130 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image to test (built by EZ Runner).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port the engine listens on inside the image (default: the image&apos;s io.ezrunner.port label, else 8080).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model id the engine must list (default: the image&apos;s io.ezrunner.model label).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the engine with the API key in $EZRUNNER_API_KEY (a random one when it is not set) and send it; the key is passed through the environment, never on a command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for the engine to be healthy (default: the image&apos;s start period plus two minutes, at least five).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test needs exactly one IMAGE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port wants a whole number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout wants a whole number of seconds from 1 to 86400.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the kit&apos;s run.sh on the target to test it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The smoke test failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--target this cannot be one of several nodes: give each node&apos;s report (&quot;ezrunner hw --json&quot; made there).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a MODEL or --profile FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The machine that will serve: a report file from &quot;ezrunner hw --json&quot;, or a GPU like 2xA100-80GB, RTX4090, cpu, or nodes × GPUs like 2x8xH100-80GB (default: this computer). Given more than once: the nodes of one target, each a report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker: remote host %1 (version %2, %3, %4 CPUs, %5 RAM), BuildKit %6, GPU runtime %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker: remote host %1 unavailable (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag an image for a site registry and push it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags IMAGE as HOST[:PORT][/PREFIX]/NAME:TAG and runs docker push. The login is Docker&apos;s own (docker login HOST); EZ Runner never asks for a registry password.
Exit codes: 0 pushed; 2 bad IMAGE or --registry; 3 no such image here; 4 the registry wants a login or refused it; 5 the registry cannot be reached; 6 Docker unavailable, or a plain HTTP registry Docker is not told is insecure; 130 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image to push (NAME:TAG).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to push: HOST[:PORT][/PREFIX], e.g. registry.lan:5000/models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push needs exactly one IMAGE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push needs --registry HOST[:PORT][/PREFIX].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On other hosts: docker pull %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pack wants -o FILE.tar, --to DIR or --push REGISTRY (or a profile with an export destination).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1 pushed as %2 (%3); on other hosts: docker pull %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also push the image to this site registry (as &quot;ezrunner push&quot;); alone, without -o or --to, the registry is the only delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Docker images to export (several: one kit, shared layers stored once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out the layers the target already has, from its report (probe.sh or hw --json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export needs at least one IMAGE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out what earlier kits for this target delivered (its ledger), then record what this kit delivers. With --target-has: what either lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the targets with a ledger (--for-target) and what each has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--target-has and --for-target leave layers out of a kit: use them with --to DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out of the kit the layers the target already has, from its report (probe.sh or hw --json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out of the kit what earlier kits for this target delivered (its ledger), then record this kit there. Saved in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of them the target has in another image: load.sh writes them again from its files (RESTORE).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ezr::cli::BuildCommand</name>
    <message>
        <source>Build the Docker image that serves a model offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::cli::Console</name>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;ezrunner --help&apos; for usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::cli::DockerfileCommand</name>
    <message>
        <source>Write the Dockerfile that serves a model with the chosen engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to FILE instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving with %1 (%2) for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1. Check the folder&apos;s permissions and free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::cli::DownloadCommand</name>
    <message>
        <source>Download a model into the Hugging Face cache, verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owner/name on Hugging Face or ModelScope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also place the files in DIR (hard links to the cache when possible).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only files matching GLOB (repeatable), e.g. &apos;*.safetensors&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GLOB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download takes one MODEL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--connections takes a number from 1 to 64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections at once (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::cli::HwCommand</name>
    <message>
        <source>Report this machine&apos;s hardware (also the format of target reports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON (save it on the target machine and pass it to --target).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print no progress.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::cli::InspectCommand</name>
    <message>
        <source>Show a model&apos;s facts (format, parameters, dtype, context, files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owner/name on a hub, or a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspect takes one MODEL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dtype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes (accept the terms on the model page and add a token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files (%1):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::cli::ManifestsCommand</name>
    <message>
        <source>Write Kubernetes manifests that serve a model (a LeaderWorkerSet across nodes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder to write the manifests to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image the cluster pulls (default: the image `ezrunner build` makes, e.g. from the site registry).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workload&apos;s name (default: from the model id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the folder with -o DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the folder %1. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1. Check the folder&apos;s permissions and free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 nodes of %3 GPUs (a LeaderWorkerSet). Apply with: kubectl apply -k %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on one node. Apply with: kubectl apply -k %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site registry the cluster pulls from: the image&apos;s name under it, as &quot;ezrunner push&quot; puts it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --image or --registry, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Across nodes: lws (a LeaderWorkerSet, the default; the cluster needs the LWS controller) or statefulset (core Kubernetes only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--multi-node wants lws or statefulset.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::cli::PlanCommand</name>
    <message>
        <source>Choose an engine for a model on a target machine and check it fits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::cli::SearchCommand</name>
    <message>
        <source>Find models on Hugging Face or ModelScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words in the model id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many results (default 20).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloads (default), likes, trending, created or modified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search takes one QUERY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search works on --source hf or modelscope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model matches &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::cli::TokenCommand</name>
    <message>
        <source>Keep a hub token in the system keychain: set, status or clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set (token read from stdin), status or clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hf or modelscope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: ezrunner token set|status|clear hf|modelscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the hub is hf or modelscope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the token on stdin, e.g.: printf %s &quot;$TOKEN&quot; | ezrunner token set hf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token saved in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set and wins over the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token removed from the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is still set in the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;: use set, status or clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is set. Add one: printf %s &quot;$TOKEN&quot; | ezrunner token set %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token is set (from %1), but %2 is not an official hub host nor a trusted mirror, so it was not sent there to be checked. Mark the mirror trusted in the settings to use the token with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token from %1 was refused. Set a valid one: ezrunner token set %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token from %1 is valid (user %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::deploy</name>
    <message>
        <source>Generated by EZ Runner for %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>One pod on one node with %n GPU(s); the image&apos;s own command serves the model.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 nodes of %2 GPUs: tensor parallel %2 in each node, pipeline parallel %1 across them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the LeaderWorkerSet API (lws) installed in the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OpenAI-compatible API inside the cluster: http://%1:%2/v1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply with: kubectl apply -k .</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site changes go here (namespace, images, node selectors, patches).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key: kubectl create secret generic %1 --from-literal=api-key=…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pods do not start without that Secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without that Secret the API needs no key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifests need the image the cluster pulls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Kubernetes name: lower-case letters, digits and &apos;-&apos;, starting with a letter, at most 55 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be served across nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For clusters without the LeaderWorkerSet API: pod %1-0 leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lost pod is restarted alone: restart the others if the model stops serving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stable names for the pods of %1, so that they find their leader.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::docker</name>
    <message>
        <source>Docker answered in a way EZ Runner does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Docker daemon does not answer. Check that it is running and that DOCKER_HOST or the docker context points at it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not use the Docker daemon&apos;s socket. Add yourself to the docker group (sudo usermod -aG docker $USER), then log out and in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Docker daemon is not running. Start it (sudo systemctl start docker, or Docker Desktop), or check DOCKER_HOST and the docker context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker refused to answer. Check that the Docker daemon runs and that you may use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is not installed (cannot run %1). Install Docker, or tell EZ Runner where its program is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is not installed (%1 not found). Install Docker, or tell EZ Runner where its program is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker stopped answering while %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Docker daemon on the remote host %1 does not answer. Check that the host is up and reachable from here, and that DOCKER_HOST or the docker context names it rightly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the Docker daemon on the remote host %1. Check that Docker runs there and listens on that address, that no firewall is in the way, and that DOCKER_HOST or the docker context names it rightly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The docker context “%1” (DOCKER_CONTEXT) could not be read. Check its name with docker context ls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker context inspect named no Docker daemon for the current context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--registry needs HOST[:PORT][/PREFIX], e.g. registry.lan:5000/models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give --registry as HOST[:PORT][/PREFIX] without http:// or https:// (%1): Docker chooses the protocol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry %1 has characters a registry address cannot have: give HOST[:PORT][/PREFIX].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry %1 has a bad IPv6 address: write it as [ADDRESS]:PORT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry %1 has an empty port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry %1 has more than one port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry %1 has no valid host name: give HOST[:PORT][/PREFIX].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry&apos;s port %1 is not a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker would read %1 as a Docker Hub account, not as a registry: give the port (%1:5000) or the full host name (%1.example.lan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry path %1 is not a valid repository path: use lower-case letters, digits and . _ - between slashes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push an image by its name (repository:tag), not by its id: %1. Tag it first (docker tag ID NAME:TAG).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push an image by its name and tag, not by a digest: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 has no valid tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image name %1 is not a valid repository name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry %1 speaks plain HTTP, and Docker uses HTTP only with registries listed as insecure. Add &quot;insecure-registries&quot;: [&quot;%1&quot;] to /etc/docker/daemon.json (Docker Desktop: Settings, Docker Engine), restart the Docker daemon (sudo systemctl restart docker), then push again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry %1 wants a login, or refused the one Docker has. Run docker login %1, then push again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker does not trust the certificate of the registry %1. Put the site&apos;s CA certificate in /etc/docker/certs.d/%1/ca.crt, then push again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry %1 cannot be reached. Check the address and the port, that the registry is running, and that this computer can reach it (firewall, proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker has no image %1 here. Check the name (docker images), or build or load the image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker refuses the image name for the registry %1: check IMAGE and --registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The push to the registry %1 failed. See Docker&apos;s words below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::docker::BuildJob</name>
    <message>
        <source>Building with %1 (docker %2, daemon %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the legacy builder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending the build context (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image build failed (docker exited with %1). See the log below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image build failed at step %1. See the log below, fix the Dockerfile and build again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker built the image but did not say its id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image was built but could not be tagged %1. Choose another image name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>building the image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::docker::PushJob</name>
    <message>
        <source>Pushing to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker has no image %1 here. Check the name (docker images), or build or load the image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 layers, %3 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pushing the image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::docker::WeightsImageJob</name>
    <message>
        <source>Writing the weights image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the build context (%2). Build again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling the base image %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling the base image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker&apos;s description of the base image %1 could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base image %1 is not on this computer and could not be pulled. Pull or load it, then build again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make a socket for docker load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker load stopped reading the weights image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 got shorter while it was written into the image. Build again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker load did not take the weights image (exit %1). See the log below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading the weights image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker load did not say it loaded %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the weights image %1 (%2, %3 layer(s) of its own).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the weights image with docker build instead; its layers will not be the same on another computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::dockerfile</name>
    <message>
        <source>Cannot write %1. Check the free space and permissions of its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the Dockerfile template %1. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Dockerfile template for the engine &quot;%1&quot;. Reinstall EZ Runner or put %2 in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model %1 has no files the engine &quot;%2&quot; can serve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Dockerfile template for &quot;%1&quot; is not valid mustache. Fix it or remove your copy of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Dockerfile template for &quot;%1&quot; could not be rendered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine &quot;%1&quot; has no image for this accelerator. Name one as the engine&apos;s image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image&apos;s %1 label is not one EZ Runner wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it uses a variable ($)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quote is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENV or LABEL without a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENV or LABEL not in key=value form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPY %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPY --chown with a name instead of a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPY with arguments that are not a JSON list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPY with quotes outside a JSON list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPY without a source and a destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPY to a destination that is not a plain absolute path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPY of a source that is not a plain file path in the context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPY of several files to a destination that is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one FROM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FROM with a stage name, a flag or a variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 before FROM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has a %1 instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no FROM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a size for each source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two sources of one name in one COPY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file where a folder goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker described the base image %1 without its layers, architecture or OS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The io.ezrunner.layer-files label is not one EZ Runner wrote.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::dockerfile::StageContextJob</name>
    <message>
        <source>Cannot create the build folder %1. Check the permissions of its parent folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the build context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model file %1 is not on disk. Download the model again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot link %1 into the build folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot empty the build folder %1 left by an earlier build. Remove it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy %1 into the build folder %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drive of the build folder %1 is full: %2 could not be copied into it. Free some space there and build again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::engine</name>
    <message>
        <source>The engine catalog engines.json cannot be used; reinstall EZ Runner or fix the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s config.json does not say how many layers and attention heads it has, so its memory needs cannot be estimated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model has neither a config.json nor a GGUF header, so its memory needs cannot be estimated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An engine image is given as ENGINE=IMAGE with ENGINE one of %1, e.g. vllm=registry.local/vllm-openai:v0.11.0; got &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::engine::Builder</name>
    <message>
        <source>The %1 (compute capability %2) has no bfloat16, so the model runs in float16.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GPU&apos;s compute capability is unknown; %1 needs %2 or newer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs an NVIDIA GPU with compute capability %2 or newer (Turing, e.g. T4, or later); the %3 has %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs %2 models only on GPUs with compute capability %3 or newer; the %4 has %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s ROCm image is built only for %2; the %3 is %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target&apos;s NVIDIA driver is not known: this image needs driver %1 or newer (CUDA %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The NVIDIA driver %1 supports CUDA up to %2, older than the CUDA %3 of %4. Using the older %5 (CUDA %6) instead; updating the driver to %7 or newer allows the current image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The NVIDIA driver %1 supports only CUDA %2, and every %3 image needs CUDA %4 or newer. Update the driver to %5 or newer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target&apos;s RAM is not known: it needs about %1 free for this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits: needs about %1 of the %2 of RAM it may use (weights %3, context cache %4, engine %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits: needs about %1 of the %2 usable on each GPU (weights %3, context cache %4, engine %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not fit: needs about %1 but only %2 of RAM may be used (weights %3, context cache %4, engine %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not fit: needs about %1 per GPU but only %2 is usable (weights %3, context cache %4, engine %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context is limited to %1 tokens to fit in memory (the model allows %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serves up to %1 tokens of context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Splits the model over %1 GPUs (tensor parallel %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Splits the model&apos;s layers over %1 GPUs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tensor parallel %1 is not possible: the model&apos;s %2 attention heads cannot be split evenly over that many GPUs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: no usable GPU, so the model runs on the CPU with Transformers. This is slow (a few words per second for a 7B model); a GGUF version of the model served by llama.cpp is much faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot load %2-quantized weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CPU has AVX-512, which llama.cpp uses for speed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CPU has AVX2, which llama.cpp uses for speed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the CPU lacks AVX2, so generation will be slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 4-bit quantized version of this model (AWQ, GPTQ or GGUF Q4_K_M, about %1 of weights) would fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even a 4-bit quantized version (about %1 of weights) would not fit on this target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A machine with at least %1 of RAM would run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With %1 it would fit on %2 × %3 (split over %2 GPUs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It would fit with a context of %1 tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model fits on no single node, so it is split over %1 nodes of %2 GPUs: tensor parallel %2 inside each node and pipeline parallel %1 across them (about %3 of weights per GPU). Serve it with the Kubernetes manifests (ezrunner manifests); run.sh serves one machine only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One node is not enough. With %1 it would fit on %2 nodes of %3 × %4 (tensor parallel %3 × pipeline parallel %2): plan for --target %2x%3x… or give each node&apos;s report.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::engine::EngineCatalog</name>
    <message>
        <source>engine %1 has an image without a known accelerator or reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine &quot;%1&quot; is unknown or has no images or formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no engines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine catalog %1 cannot be read; reinstall EZ Runner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown engine &quot;%1&quot; in an image override; use one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vLLM is the fastest open engine for NVIDIA and AMD data-center GPUs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGLang is about as fast as vLLM and strong with long, shared prompts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face&apos;s Text Generation Inference is proven, but in maintenance mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llama.cpp serves GGUF files on almost any hardware, CPU included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face Transformers runs nearly every model, slowly; the last resort.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::engine::EngineSelector</name>
    <message>
        <source>Unknown engine &quot;%1&quot;; use one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a GGUF file and this model has none; look for a GGUF version of it (often named …-GGUF).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This engine has no image for the target&apos;s hardware.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The context must be a positive number of tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot serve GGUF files; llama.cpp server can.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::format</name>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::BuildPage</name>
    <message>
        <source>&amp;Build image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image name and tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the model and build the Docker image. You can look at other steps meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the image is built.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The build was cancelled. What was already downloaded is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not use Docker here: add your account to the “docker” group (sudo usermod -aG docker $USER), log out and in again, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is not running. Start it (on Linux: sudo systemctl start docker), then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Free some space, or choose another model cache folder in Settings, then retry. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub refused the download: this model needs your access token. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The build failed; the log says why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::CandidateCard</name>
    <message>
        <source>default precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits, tightly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice %1: %2. %3. %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This way does not fit the target&apos;s memory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::DestinationTile</name>
    <message>
        <source>Removable drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown file system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free of %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 of %3 bytes free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too small: needs %1 more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAT32: will split into %1 parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room for the kit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::DockerfilePage</name>
    <message>
        <source>Edited — differs from the generated Dockerfile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Dockerfile appears here once the engine is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the differences from the generated Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to the generated Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Dockerfile as a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dockerfiles (Dockerfile *.Dockerfile);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is how the image will be built. You can change it; EZ Runner keeps your version in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Dockerfile is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes to the generated Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::EnginePage</name>
    <message>
        <source>Require an API &amp;key (read from EZRUNNER_API_KEY when the container starts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs per model (tensor parallel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of GPU memory the engine may use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port the server listens on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require an API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Context length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;GPUs per model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU &amp;memory share:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ways to serve the model appear here once the model and the target are known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the model is served. The best way for your target is on top.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the plan, or go back and choose the model and the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing fits the target: change the options or the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out what fits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranked best first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranked best first for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No engine can serve this model on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing fits on %1. A shorter context needs less memory; a quantized variant (chosen on the Model step) or a machine with more GPU memory helps too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a %1-token context</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::ExportPage</name>
    <message>
        <source>Another &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify after writing (reads the kit back and checks every checksum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kit written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy run &amp;command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to another folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (only where the file system needs it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (fastest to load)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zstd (smaller, slower)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify after writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compression:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of the kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the offline kit to a USB drive or a folder, to carry to the machine that will run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kit needs %1, but %2 has only %3 free. Choose a bigger drive, or free %4 on this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen destination is too small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to write the kit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing that looks like a finished kit was left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drive filled up: %1 Choose a bigger drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kit written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test the image offline first (starts it with no network and asks it one question)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before writing the kit, the image runs here with no network at all: the engine must become healthy, list the model and answer one short chat. The result goes into the kit (SMOKE-TEST.txt). An image this computer cannot run (a GPU it lacks) is written untested, and the kit says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;without the test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tested offline: the engine was healthy after %1 s and answered; first token after %2 ms, %3 tokens/s. The kit&apos;s SMOKE-TEST.txt has the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not tested here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export and push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Push image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deliver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A kit on a drive (USB stick, disk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push to the site registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both: a kit and the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the image is delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Registry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry.lan:5000/models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site registry (HOST[:PORT][/PREFIX])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker&apos;s own login is used (docker login HOST); EZ Runner never asks for a registry password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the registry the image goes to, like registry.lan:5000/models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kit written to %1 and pushed as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;arget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (a full kit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target machine&apos;s name (what earlier kits delivered to it is left out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the machine the kit is for, such as site-a. EZ Runner remembers what each kit delivered to it, and the next kit leaves that out. A new name gets a full kit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::GpuCard</name>
    <message>
        <source>GPU %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture: %1 (compute %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver %1, CUDA up to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::HardwarePage</name>
    <message>
        <source>You may not use Docker here: add your account to the “docker” group (sudo usermod -aG docker $USER), log out and in again, then check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is not reachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is not reachable. Start Docker (on Linux: sudo systemctl start docker), then check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where will the model run?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;nother machine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Imported hardware report:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU model of the other machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>× </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a hardware report file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this computer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a hardware report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware reports (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has not been checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell EZ Runner which machine will serve the model: this one, or another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until this computer has been checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the other machine&apos;s GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the target machine&apos;s hardware report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only CPU engines (llama.cpp, Transformers) can run here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 logical cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free for Docker images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free for the model cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker %1 is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BuildKit available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legacy builder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU runtime available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No GPU runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (docker context “%2”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The build context, the model&apos;s weights (%1), travels over the network to that host: a slow or metered link makes the build slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The build context, the model&apos;s weights, travels over the network to that host: a slow or metered link makes the build slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images are built on the remote Docker host %1 (%2). %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the remote host %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::InfoCard</name>
    <message>
        <source>%1 in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 bytes in use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::LogView</name>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selection, or the whole log when nothing is selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::MainWindow</name>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EZ Runner profiles (*.ezrunner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About EZ Runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About EZ Runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;EZ Runner %1&lt;/h3&gt;&lt;p&gt;Package an open model as a Docker image and an offline deployment kit for air-gapped machines.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wizard steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — EZ Runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile: %1*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile has changes that are not saved. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A build or an export is still running. Stop it and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::MemoryBar</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 weights · %2 KV cache · %3 overhead of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 weights · %2 KV cache · %3 overhead; available memory unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Weights&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;KV cache&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Overhead&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Needed&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Available&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::ModelPage</name>
    <message>
        <source>%1 k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search, or type organisation/model, e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model or search words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>♥ Likes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the model to package, from Hugging Face, ModelScope or a folder on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or choose a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is gated: add your access token first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>🔒 gated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub asks you to accept the license and use a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model matches “%1”. Check the spelling, or type the full id (organisation/model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context: %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantization: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is gated: accept its license on the hub&apos;s web page, then add your access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be the served name: write it like “name” or “owner/name”, with letters, digits, “.”, “_” and “-”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be reached from this computer (%2): it may be offline, or a firewall blocks it. Get the model another way:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a &amp;mirror…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a mirror of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local folder or HF cache…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a model folder on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirror of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of a mirror of %1. Your access token is not sent to it unless Settings lists it as trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a web address: a mirror is written like %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served &amp;as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served model name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name clients send as &quot;model&quot; in their requests. Empty: the model&apos;s own name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::PhaseStrip</name>
    <message>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::ProblemBanner</name>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::ProgressPanel</name>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of this phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelScope endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted mirrors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One host per line, e.g. hf-mirror.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hugging Face endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ModelScope endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trusted mirrors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your token is sent only to the official hubs and to these hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelScope token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens are kept in the system keychain, never in settings or profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a new token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelScope token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the token in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the token from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the token with the hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker (found on PATH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the docker program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine image overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an image override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected image override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker &amp;program:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine images to use instead of the built-in ones (engine → image):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model cache folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the model cache folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model &amp;cache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the hub whether the token works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking tokens needs a connection to the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available, so tokens cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token is stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub accepted the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no token to check: paste one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a web address. Enter one like https://hf-mirror.com, or leave the field empty for the official hub.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::StatusSummary</name>
    <message>
        <source>Docker %1 is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is not reachable. Start Docker, then check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker has not been checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker can give containers access to the GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker has no GPU runtime: images can be built here, but GPU containers cannot run here. Install the NVIDIA Container Toolkit to run them on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free for images and the model cache (%2 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker ✗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU runtime ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no GPU runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::gui::WizardController</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No GPU (processor only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not fit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the model, the engine and the Dockerfile on the steps before, then build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the report %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a hardware report made by EZ Runner on the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the image and choose where the kit goes, then export.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hardware</name>
    <message>
        <source>The hardware report %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid hardware report (%1). Make the report on the target machine with &quot;ezrunner hw --json &gt; target.json&quot; or the kit&apos;s probe.sh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;ezrunner-hardware&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1 (made by a newer EZ Runner?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list (empty when there is no GPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be nvidia, amd, intel, apple or unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the hardware report %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one node&apos;s report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A target may have at most %1 nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nodes %1 and %2 have GPUs of different kinds; one model is served by nodes alike.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nodes differ: the plan counts each as the weakest of them (%1 GPUs, the smallest GPU memory and RAM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker image inspect printed something unexpected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of layer IDs (sha256:...)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hardware::GpuCatalog</name>
    <message>
        <source>The GPU catalog gpus.json cannot be read; reinstall EZ Runner or fix the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GPU catalog gpus.json has an entry without id or memory; fix the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GPU catalog %1 cannot be read; reinstall EZ Runner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU only, %1 GB RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM: not given (write cpu-64GB to plan for 64 GB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known GPUs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver: not known for a catalog target; the plan assumes a current driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown target &quot;%1&quot;: a target may have 1 to %2 nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown target &quot;%1&quot;. Give a report file made with &quot;ezrunner hw --json&quot; on the target, or a GPU like 2xA100-80GB, RTX4090, 2x8xH100-80GB (2 nodes of 8) or cpu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hardware::ProbeJob</name>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be started (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVIDIA GPU: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This nvidia-smi does not know compute_cap (R470); asking without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AMD GPU: rocm-smi and amd-smi not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AMD GPU: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU: %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM: %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA: the nvidia-smi banner gave no CUDA version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIG: a GPU is split into MIG instances; a container sees only its instance&apos;s memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Docker daemon did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk: free space unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk: the free space of the remote Docker host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker images: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hardware::Reader</name>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number, 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hardware::parse</name>
    <message>
        <source>%1 printed no JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 printed JSON that cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nvidia-smi is installed but cannot talk to the NVIDIA driver; install or reload the driver (a reboot often helps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This nvidia-smi cannot report compute_cap (driver R470 or older).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nvidia-smi printed a line that cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rocm-smi printed JSON that is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rocm-smi reported no GPU memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amd-smi reported no GPU memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/proc/meminfo has no MemTotal line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker version printed no client version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker info printed no server version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hub</name>
    <message>
        <source>%1 is gated and your token has no access yet. Accept the terms on %2 with the account of the token, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist in that revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not found. Check the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to %1 was refused. Check that your token may read it (and accept the terms on %2 if the model is gated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown source &apos;%1&apos;: use auto, hf, modelscope or local.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a model id. Give it as owner/name (for example Qwen/Qwen2.5-0.5B-Instruct) or give a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub sent an answer about %1 that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not found on ModelScope. Check the name and the revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelScope kept failing for %1. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelScope refused the request for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A safetensors file is shorter than its header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A safetensors file has an invalid header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A safetensors header was cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is gated. Accept its terms on %2, then add a Hugging Face token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The revision asked for does not exist for %1. Check the branch, tag or commit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Hugging Face token was refused. Set a valid one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not found. Check the name; if the model is private, add a Hugging Face token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a Hugging Face token. Accept the terms on %2 if the model is gated, then add a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelScope refused access to %1. If it needs a login, add a ModelScope token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no GGUF files, so it has no variant %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no variant %2. Its variants: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hub::DownloadJob</name>
    <message>
        <source>%1 is a local model already; download takes a Hugging Face or ModelScope id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up %1 on %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on %2; trying %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough free space in %1: %2 are needed, %3 are free. Free some space or choose another --cache-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1. Check the permissions or choose another --cache-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming %1 (%2 already here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ignored the range request for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent %1 with another size than the hub lists. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent more bytes than %1 has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1. Check free space and permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection kept closing early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost while fetching %1; resuming at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read back %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size %1 instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha256 %1 instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move %1 into place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 arrived damaged twice and was not placed in the model folder. Try again later, or another endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed verification (%2); fetching it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create %1 in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not place %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ready: %2 downloaded, %3 already in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file of %1 matches the files asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not lock %1 in the cache. Check the permissions or choose another cache folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for another download of %1 into this cache to finish (%2, pid %3 on %4)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drive of the model cache (%1) filled up while %2 was downloaded. Free some space or choose another cache folder; the next download resumes where this one stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hub::HuggingFaceClient</name>
    <message>
        <source>the model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file list of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hub::InspectJob</name>
    <message>
        <source>Inspecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on %2; trying %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config.json of %1 is not valid JSON (%2); its facts are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a readable GGUF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was found neither on Hugging Face nor on ModelScope. Check the name, or choose the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on %2, and %3 could not be asked (%4). Check the name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hub::LocalClient</name>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The revision %1 is not in the cache folder %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 holds no files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the cache %2. Download it first, or choose its folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hub::ModelScopeClient</name>
    <message>
        <source>the model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::hub::SearchJob</name>
    <message>
        <source>Unknown sort &apos;%1&apos;: use downloads, likes, trending, created or modified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::kit</name>
    <message>
        <source>Docker described the image %1 in a form EZ Runner does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker gave no size for the image %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 does not exist in Docker: check the name with &apos;docker images&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker failed while exporting %1: see the details below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kit template %1 is missing: reinstall EZ Runner or set EZRUNNER_TEMPLATES_DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kit template %1 has an error: fix or remove the override.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressing the image failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drive ran out of space while the kit was written; what was written has been removed. Free some space or use a bigger drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file system refuses files this big: export with --split auto or a split size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the kit failed: check the drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the image from Docker failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file of the kit cannot be read back: the drive may be failing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compressed image in the kit is damaged: export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reads back differently from what was written: the drive may be failing. Use another drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image in the kit does not match what Docker exported: export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a split size: use auto, none, or a size such as 2G or 700M.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The split size &apos;%1&apos; is out of range: use at least 1M.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a compression: use none or zstd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mounted file system holds %1: check the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kit would need more than 999 parts: choose a bigger split size or another drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EZ Runner smoke test (offline proof before shipping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: FAILED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What ran: docker run --network none (no route in or out, no published port), then from inside the container with %1: the health check on port %2, GET /v1/models, and one streamed chat completion (temperature 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network of the container: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy after: %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to first token: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion tokens: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per second: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine log (last lines):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker described the container in a form EZ Runner does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/v1/models did not answer with a list of models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is built for %1 and this computer is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EZ Runner cannot test %1 images on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image needs an %1 GPU and this computer has none: test it on the target with run.sh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image needs %1 GPUs and this computer has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker on this computer has no NVIDIA runtime (install the NVIDIA Container Toolkit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image needs %1 MiB on each GPU and this computer&apos;s %2 has %3 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drive went away or failed while the kit was written. Plug it in again (or use another drive) and export again: what is on it is not a complete kit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kit&apos;s folder %1 is no longer where it was: the drive was removed or unmounted while the kit was written. Plug it in again and export again: what is on it is not a complete kit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image stream from docker save could not be read to the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker&apos;s image stream is not a tar archive this version can read, so the layers the target has cannot be left out. Export without --target-has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Update from revision %1 to %2: %3 of %n shard(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The target ledger is damaged: %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an image name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an image ID (sha256:...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of layer IDs (sha256:...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;kit&quot; or &quot;report&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date (ISO 8601)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a size in bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its report %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kit of %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target name &quot;%1&quot; is not usable: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (not starting with &apos;.&apos;), such as site-a.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target ledger is damaged: it is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target ledger has version %1; this EZ Runner reads version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a target name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target already has some of these layers: this kit is %1 instead of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target already has %1: this kit is %2 instead of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target already has %1: this kit leaves out the layers it shares with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target already has %n image(s), among them %1: this kit leaves out the layers it shares with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the target ledger %1: %2 Move it away to start the target afresh (the next kit is then a full one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is far too large to be a ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is the ledger of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the target ledgers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target ledger %1 is locked by another EZ Runner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kit in %1 is complete, but the ledger of %2 could not record it: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report %1 lists no Docker images: make it on the target with this version&apos;s probe.sh or &quot;ezrunner hw --json&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::kit::ExportJob</name>
    <message>
        <source>The kit is complete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the image to export and the folder to write the kit to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspecting the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The split size is too small for this image (more than 999 parts): choose a bigger one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kit needs about %1 but %2 has only %3 free: %4 more are needed. Free some space or choose a bigger drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The free space of %1 is unknown; the export stops if the drive fills up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the kit to %1 (%2, %3 free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a pipe for docker save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is FAT32, which cannot hold a file of 4 GiB or more: export the kit in parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drive refused a file bigger than %1 (%2 bytes): the kit is in parts of that size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image stream from docker save ended early (%1 read): the kit would be incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exporting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Left out %n layer(s) the target has (%1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ezr::kit::SaveTarJob</name>
    <message>
        <source>Saving the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1. Check the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::kit::SmokeTestJob</name>
    <message>
        <source>Testing the image offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking this computer&apos;s GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the image without a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker could not start the image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for curl, wget or python3 in the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has none of curl, wget or python3, so EZ Runner cannot reach the engine inside it without a network. Add curl to the image (its health check needs it too).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the engine to be healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container is on the network &quot;%1&quot;, not on none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine ran out of memory at start and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine stopped at start (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image&apos;s health check says the engine is unhealthy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine was not healthy after %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking /v1/models for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/v1/models refused the request (401): the image expects an API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/v1/models answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine serves %1, not %2: clients asking for %2 would be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking for a short chat completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no text was streamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat completion failed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed: healthy after %1 s, first token after %2 ms, %3 tokens/s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::net</name>
    <message>
        <source>%1 was not found. Check the name, the revision and the endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server kept failing for %1 (HTTP %2). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request for %1 (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the transfer took too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1. Check the network connection and the hub&apos;s address (or use a mirror), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to %1 was refused. Add a valid token that has access to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::net::Transfer</name>
    <message>
        <source>no data arrived for too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a redirect without a Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many redirects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::pack</name>
    <message>
        <source>Inspecting the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staging the build context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan for %1 has no candidate &quot;%2&quot;. Its candidates: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No candidate on %1 GPUs fits this model on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing fits this model on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning needs the model and the target first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is checked by the hardware probe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the image offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The smoke test of %1 failed, so nothing was exported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing to the registry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::pack::PackJob</name>
    <message>
        <source>Choose where the kit or the image file goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking Docker</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::pack::PackSession</name>
    <message>
        <source>The model has not been looked up yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::profile</name>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: the step has no job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an http or https address without user name or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty for a local model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model id like “owner/name”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a branch, tag or commit without spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the 40 lower-case hex digits of the commit the revision resolved to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quantization variant name like “Q4_K_M”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absent unless “target.kind” is “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a GPU spec like “2xA100-80GB”, “RTX4090”, “H200” or “cpu”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the output of “ezrunner hw --json”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a candidate name like “vllm-bf16-tp2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a candidate of engine “%1” (“%1-…”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 (the engine&apos;s default) or a fraction from 0.05 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image name like “ezrunner/qwen2.5-0.5b” (lower case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image tag like “v1” or “vllm-bf16”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“auto”, “none” or a size like “4G”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile is not valid JSON (%1 at byte %2). Correct the file, or save the profile again from the wizard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile must be a JSON object (“{ … }”) with the fields of docs/profile-schema.md.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile %1 does not exist. Check the path and the file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file. Give the path of a .ezrunner file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the profile %1. Check that the file is readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile holds the value of a token variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the profile to %1. Check that the folder exists and is writable and that the disk has room; the previous file, if any, is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“this-machine”, a GPU spec or a hardware report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is version %1, but this EZ Runner reads profile versions %2 to %3. Open it with the EZ Runner that saved it, or update EZ Runner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a UTC time like “2026-12-02T18:00:00Z”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image id like “sha256:…”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Docker network mode like “none”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number from 0 to 1000000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the registry to push to (HOST[:PORT][/PREFIX])</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::profile::ObjectReader</name>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 characters long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text that is not empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of at most %1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file name or pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::profile::errors</name>
    <message>
        <source>The profile field “%1” is missing; it must be %2. Add it, or save the profile again from the wizard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile field “%1” must be %2, not %3. Correct it in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile field “%1” must be %2 (found “%3”). Correct it in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile field “%1” is not part of profile version %2. Check its spelling or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has %1 bytes, but a profile has at most %2 bytes (4 MiB), so this is not a profile. Choose the .ezrunner file that EZ Runner saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile field “%1” holds what looks like an access token or password. Profiles never hold tokens: remove it, and keep tokens in EZ Runner&apos;s settings (the system keychain) or in HF_TOKEN and MODELSCOPE_API_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ezr::secrets::SecretStore</name>
    <message>
        <source>No secret is stored under that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the system keychain was refused. Unlock the keychain and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available. Install and start a Secret Service provider (such as GNOME Keyring or KWallet), or set the token in the environment instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not answer. Make sure it is running and unlocked, or set the token in the environment instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>EZ Runner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
