/*
 * For the Wine smoke test only, never shipped: Rust's standard library (since 1.78) imports
 * ProcessPrng from bcryptprimitives.dll, which Wine 8 lacks, so hoso.exe would not even load.
 * This DLL, put beside the exe under test, gives ProcessPrng over RtlGenRandom (advapi32's
 * SystemFunction036), which Wine has. Windows 10 and later have the real one.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
