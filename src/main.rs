// Typesetting allocates and frees many small objects from several threads at once; mimalloc
// keeps per-thread heaps where glibc's allocator spends a sixth of a batch's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(hoso::run(std::env::args_os()));
}
