/* Soft cues synthesised when sound is first needed: no sound files. A rising pair of notes for
 * breathing in, a falling pair for breathing out, one quiet note for holds, a bell to close.
 *
 * Sound goes through a backend, a small table of functions as in taisei: SDL_mixer on a real
 * device; a null one when there is no device (Attune carries on silently and says so once);
 * and in scripted mode a recording one that plays nothing and keeps which cue sounded when,
 * for the `sounds` script command and the tests.
 *
 * An open audio device costs a wake-up of SDL's audio thread every buffer (about 43 a second)
 * even in silence, so the device is open only around sound: opened when a screen says a cue
 * may come soon (audio_prepare: the breathing figure does so from its get-ready on, three
 * seconds before the first cue) or when a cue plays, and closed, with SDL's audio subsystem,
 * once nothing has sounded or been expected for AUDIO_IDLE_MS and the loop is about to wait.
 * An idle Attune then wakes nobody.
 *
 * SDL_mixer itself is loaded with the device, not linked: its decoders (fluidsynth, modplug,
 * FLAC, ...) and their dependencies cost the start-up about 21 million instructions of
 * relocation and initialisation before main, for a library Attune needs only to play a few
 * synthesised notes. */
#include <SDL_mixer.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

#define RATE 44100
/* Quiet this long (and nothing expected) closes the device. */
#define AUDIO_IDLE_MS 10000u
#ifndef ATTUNE_MIXER_LIB
#define ATTUNE_MIXER_LIB "libSDL2_mixer-2.0.so.0"
#endif

typedef struct AudioBackend {
    const char *name;
    bool (*open)(App *a, Audio *au);  /* false: fall back to the null backend */
    void (*play)(App *a, Audio *au, Cue c);
    void (*stop)(Audio *au);          /* silences what is playing (muting) */
    void (*close)(Audio *au);
    bool (*playing)(Audio *au);       /* optional: something still sounds */
} AudioBackend;

/* The few SDL_mixer functions Attune calls, from the library loaded at run time. */
typedef struct MixApi {
    void *lib;
    int (*OpenAudio)(int frequency, Uint16 format, int channels, int chunksize);
    int (*QuerySpec)(int *frequency, Uint16 *format, int *channels);
    Mix_Chunk *(*QuickLoad_RAW)(Uint8 *mem, Uint32 len);
    int (*PlayChannelTimed)(int channel, Mix_Chunk *chunk, int loops, int ticks);
    int (*HaltChannel)(int channel);
    int (*Playing)(int channel);
    void (*FreeChunk)(Mix_Chunk *chunk);
    int (*AllocateChannels)(int numchans);
    void (*CloseAudio)(void);
} MixApi;

struct Audio {
    const AudioBackend *be;
    bool muted;
    bool open;          /* the device is open */
    bool failed;        /* it could not be opened: silent from then on */
    uint64_t last_use;  /* app clock of the last cue or audio_prepare */
    MixApi mix;
    Mix_Chunk *chunk[CUE_COUNT];
    Sint16 *pcm[CUE_COUNT];
    Uint32 pcm_bytes[CUE_COUNT];
    AudioPlayed *played; /* the recording backend's list */
    int nplayed, cap_played;
    AudioDeviceEvent *events; /* the device opening and closing, for scripted mode */
    int nevents, cap_events;
};

typedef struct Note {
    float freq, start_s, amp, decay_s;
} Note;

/* Adds a softly struck sine with a few quiet partials: ~30 ms attack, exponential decay. Each
 * partial is a phasor turned by a fixed angle every sample, and the decay a fixed factor, so
 * no sample calls sinf or expf: the cues are ready a few milliseconds after start-up. */
static void add_note(float *buf, int frames, Note n)
{
    const double attack = 0.03;
    const double partial[3] = {1.0, 2.0, 3.01};
    const double weight[3] = {1.0, 0.18, 0.06};
    double re[3], im[3], step_re[3], step_im[3];
    for (int p = 0; p < 3; p++) {
        double w = 2 * M_PI * n.freq * partial[p] / RATE;
        re[p] = 1, im[p] = 0;
        step_re[p] = cos(w), step_im[p] = sin(w);
    }
    const int rise = (int)(attack * RATE);
    const double fall = exp(-1.0 / (n.decay_s * RATE));
    double env = 0;
    for (int i = (int)(n.start_s * RATE), k = 0; i < frames; i++, k++) {
        env = k < rise ? (double)k / rise : k == rise ? 1.0 : env * fall;
        if (k > rise && env < 1e-4) break;
        double s = 0;
        for (int p = 0; p < 3; p++) {
            s += weight[p] * im[p];
            double r = re[p] * step_re[p] - im[p] * step_im[p];
            im[p] = re[p] * step_im[p] + im[p] * step_re[p];
            re[p] = r;
        }
        buf[i] += (float)(n.amp * env * s);
    }
}

static void synth(Audio *au, Cue cue, const Note *notes, int n, float seconds)
{
    int frames = (int)(seconds * RATE);
    float *mono = calloc((size_t)frames, sizeof *mono);
    Sint16 *pcm = malloc((size_t)frames * 2 * sizeof *pcm);
    if (!mono || !pcm) {
        free(mono);
        free(pcm);
        return;
    }
    for (int i = 0; i < n; i++) add_note(mono, frames, notes[i]);
    for (int i = 0; i < frames; i++) {
        float fade = i > frames - 2000 ? (float)(frames - i) / 2000.0f : 1.0f; /* no click */
        float v = mono[i] * fade;
        if (v > 1) v = 1;
        if (v < -1) v = -1;
        pcm[2 * i] = pcm[2 * i + 1] = (Sint16)(v * 32000);
    }
    free(mono);
    au->pcm[cue] = pcm;
    au->pcm_bytes[cue] = (Uint32)(frames * 2 * sizeof *pcm);
}

/* The cues' samples, made once (the first time the device opens). */
static void synth_all(Audio *au)
{
    if (au->pcm[CUE_IN]) return;
    const float A3 = 220.0f, C4 = 261.63f, E4 = 329.63f, A4 = 440.0f, E5 = 659.26f, C5 = 523.25f;
    Note in[] = {{A4, 0, 0.13f, 0.45f}, {E5, 0.16f, 0.11f, 0.6f}};
    Note out[] = {{E5, 0, 0.11f, 0.45f}, {A4, 0.16f, 0.13f, 0.6f}};
    Note hold[] = {{C5, 0, 0.09f, 0.5f}};
    Note rest[] = {{E4, 0, 0.09f, 0.5f}};
    Note bell[] = {{A3, 0, 0.16f, 1.6f}, {A3 * 2.76f, 0, 0.05f, 0.9f}, {A3 * 5.4f, 0, 0.025f, 0.5f},
                   {C4 * 2, 0.02f, 0.05f, 1.2f}};
    Note tick[] = {{E5, 0, 0.06f, 0.15f}};
    synth(au, CUE_IN, in, 2, 1.6f);
    synth(au, CUE_OUT, out, 2, 1.6f);
    synth(au, CUE_HOLD, hold, 1, 1.4f);
    synth(au, CUE_REST, rest, 1, 1.4f);
    synth(au, CUE_BELL, bell, 4, 4.5f);
    synth(au, CUE_TICK, tick, 1, 0.5f);
}

/* ---- SDL_mixer: the real device ---- */

/* Loads SDL_mixer (once); false, said once, when it is not there. */
static bool mixer_load(MixApi *m)
{
    if (m->lib) return true;
    void *lib = SDL_LoadObject(ATTUNE_MIXER_LIB);
    if (!lib) {
        app_log("no SDL_mixer (%s): running silently", SDL_GetError());
        return false;
    }
    bool ok = true;
#define MIX_FN(name)                                                                     \
    do {                                                                                 \
        void *f = SDL_LoadFunction(lib, "Mix_" #name);                                   \
        if (f) memcpy(&m->name, &f, sizeof f); /* object to function pointer: POSIX */  \
        else ok = false;                                                                 \
    } while (0)
    MIX_FN(OpenAudio);
    MIX_FN(QuerySpec);
    MIX_FN(QuickLoad_RAW);
    MIX_FN(PlayChannelTimed);
    MIX_FN(HaltChannel);
    MIX_FN(Playing);
    MIX_FN(FreeChunk);
    MIX_FN(AllocateChannels);
    MIX_FN(CloseAudio);
#undef MIX_FN
    if (!ok) {
        app_log("SDL_mixer (%s) lacks a function Attune needs: running silently", ATTUNE_MIXER_LIB);
        SDL_UnloadObject(lib);
        return false;
    }
    m->lib = lib;
    return true;
}

static bool mixer_open(App *a, Audio *au)
{
    (void)a;
    MixApi *m = &au->mix;
    if (!mixer_load(m)) return false;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        app_log("no audio device (%s): running silently", SDL_GetError());
        return false;
    }
    if (m->OpenAudio(RATE, AUDIO_S16SYS, 2, 1024) != 0) {
        app_log("no audio device (%s): running silently", SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return false;
    }
    int freq, channels;
    Uint16 format;
    if (!m->QuerySpec(&freq, &format, &channels) || freq != RATE || format != AUDIO_S16SYS ||
        channels != 2) {
        app_log("audio device format not supported: running silently");
        m->CloseAudio();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return false;
    }
    synth_all(au);
    for (int i = 0; i < CUE_COUNT; i++)
        au->chunk[i] = au->pcm[i] ? m->QuickLoad_RAW((Uint8 *)au->pcm[i], au->pcm_bytes[i]) : NULL;
    m->AllocateChannels(8);
    return true;
}

static void mixer_play(App *a, Audio *au, Cue c)
{
    (void)a;
    if (au->chunk[c]) au->mix.PlayChannelTimed(-1, au->chunk[c], 0, -1);
}

static void mixer_stop(Audio *au) { au->mix.HaltChannel(-1); }

static bool mixer_playing(Audio *au) { return au->mix.Playing(-1) > 0; }

/* Closes the device and SDL's audio subsystem (whose threads would go on waking); the samples
 * stay for the next time. */
static void mixer_close(Audio *au)
{
    au->mix.HaltChannel(-1);
    for (int i = 0; i < CUE_COUNT; i++) {
        if (au->chunk[i]) au->mix.FreeChunk(au->chunk[i]); /* the chunk, not our samples */
        au->chunk[i] = NULL;
    }
    au->mix.CloseAudio();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

static const AudioBackend MIXER = {"mixer", mixer_open, mixer_play, mixer_stop, mixer_close, mixer_playing};

/* ---- null: no device ---- */

static void null_play(App *a, Audio *au, Cue c)
{
    (void)a, (void)au, (void)c;
}

static void null_stop(Audio *au) { (void)au; }

static const AudioBackend NULL_BACKEND = {"null", NULL, null_play, null_stop, null_stop, NULL};

/* ---- recording: scripted mode ---- */

static bool record_open(App *a, Audio *au)
{
    (void)a, (void)au;
    return true;
}

static void record_play(App *a, Audio *au, Cue c)
{
    if (au->nplayed == au->cap_played) {
        int cap = au->cap_played ? au->cap_played * 2 : 64;
        AudioPlayed *p = realloc(au->played, (size_t)cap * sizeof *p);
        if (!p) return;
        au->played = p;
        au->cap_played = cap;
    }
    au->played[au->nplayed++] = (AudioPlayed){a->now, c};
}

static const AudioBackend RECORDING = {"recording", record_open, record_play, null_stop, null_stop, NULL};

/* ---- the device, open only around sound ---- */

static void device_event(App *a, Audio *au, bool open)
{
    if (au->be != &RECORDING) return;
    if (au->nevents == au->cap_events) {
        int cap = au->cap_events ? au->cap_events * 2 : 16;
        AudioDeviceEvent *e = realloc(au->events, (size_t)cap * sizeof *e);
        if (!e) return;
        au->events = e;
        au->cap_events = cap;
    }
    au->events[au->nevents++] = (AudioDeviceEvent){a->now, open};
}

/* Opens the device if it is closed; false when there is none (silence from then on). */
static bool device_open(App *a, Audio *au)
{
    if (au->open) return true;
    if (au->failed || !au->be->open) return false;
    if (!au->be->open(a, au)) {
        au->failed = true;
        au->be = &NULL_BACKEND;
        return false;
    }
    au->open = true;
    device_event(a, au, true);
    return true;
}

static void device_close(App *a, Audio *au)
{
    if (!au->open) return;
    au->be->close(au);
    au->open = false;
    device_event(a, au, false);
}

void audio_init(App *a)
{
    Audio *au = calloc(1, sizeof *au);
    if (!au) return;
    a->audio = au;
    au->muted = a->audio_muted_setting;
    au->be = a->scripted ? &RECORDING : &MIXER; /* opened when sound is first needed */
}

void audio_quit(App *a)
{
    Audio *au = a->audio;
    if (!au) return;
    device_close(a, au);
    if (au->mix.lib) SDL_UnloadObject(au->mix.lib);
    for (int i = 0; i < CUE_COUNT; i++) free(au->pcm[i]);
    free(au->played);
    free(au->events);
    free(au);
    a->audio = NULL;
}

void audio_prepare(App *a)
{
    Audio *au = a->audio;
    if (!au || au->muted) return;
    au->last_use = a->now;
    device_open(a, au);
}

void audio_play(App *a, Cue c)
{
    Audio *au = a->audio;
    if (!au || au->muted || (unsigned)c >= CUE_COUNT) return;
    au->last_use = a->now;
    if (device_open(a, au)) au->be->play(a, au, c);
}

uint32_t audio_idle(App *a)
{
    Audio *au = a->audio;
    if (!au || !au->open) return 0;
    uint64_t quiet = a->now > au->last_use ? a->now - au->last_use : 0;
    if (quiet < AUDIO_IDLE_MS) return (uint32_t)(AUDIO_IDLE_MS - quiet);
    if (au->be->playing && au->be->playing(au)) return 1000; /* a long bell: look again soon */
    device_close(a, au);
    return 0;
}

bool audio_device_open(const App *a) { return a->audio && a->audio->open; }

const AudioDeviceEvent *audio_device_events(const App *a, int *n)
{
    *n = a->audio ? a->audio->nevents : 0;
    return a->audio ? a->audio->events : NULL;
}

bool audio_muted(const App *a) { return a->audio ? a->audio->muted : a->audio_muted_setting; }

void audio_set_muted(App *a, bool muted)
{
    a->audio_muted_setting = muted;
    if (a->audio) {
        a->audio->muted = muted;
        if (muted && a->audio->open) a->audio->be->stop(a->audio);
    }
}

const char *audio_cue_name(Cue c)
{
    static const char *const NAME[CUE_COUNT] = {"in", "hold", "out", "rest", "bell", "tick"};
    return (unsigned)c < CUE_COUNT ? NAME[c] : "";
}

const AudioPlayed *audio_played(const App *a, int *n)
{
    *n = a->audio ? a->audio->nplayed : 0;
    return a->audio ? a->audio->played : NULL;
}
