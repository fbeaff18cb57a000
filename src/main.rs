// Typesetting allocates and frees many small objects from several threads at once; mimalloc
// keeps per-thread heaps where glibc's allocator spends a sixth of a batch's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // The bounded typesetting of a workspace's own templates runs in a child: hoso itself.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == hoso::compile::CHILD_ARG)
    {
        std::process::exit(hoso::compile::run_child());
    }
    std::process::exit(hoso::run(std::env::args_os()));
}
