package org.hacktrail.platform.batch;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.support.DefaultBatchConfiguration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.MongoJobRepositoryFactoryBean;
import org.hacktrail.platform.StoreCapabilities;
import org.hacktrail.platform.StoreUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.MongoTransactionManager;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Spring Batch job repository in MongoDB (Boot 4.0 configures none). Works on the
 * embedded store, which has no sessions or transactions: the repository runs with a
 * resourceless transaction manager, so job metadata and chunk writes are not atomic
 * together — every writer of ours is idempotent (upserts by a natural key), which makes a
 * restart after a crash converge.
 *
 * <p>
 * On a MongoDB that supports sessions and transactions (a replica set or a sharded
 * cluster, detected at start by {@link StoreCapabilities}), the repository and the steps
 * use a {@link MongoTransactionManager} instead: a chunk's writes and its step metadata
 * commit together. One log line at start says which mode is in use. Writers stay
 * idempotent either way, so a job behaves the same in both modes.
 *
 * <p>
 * Extending {@link DefaultBatchConfiguration} switches Boot's own batch
 * auto-configuration off.
 */
@Configuration(proxyBeanMethods = false)
class BatchInfrastructure extends DefaultBatchConfiguration implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BatchInfrastructure.class);

	/** The unique index on step executions' ids, and the plain one it replaces. */
	static final String STEP_INDEX = "step_execution_id_unique";

	static final String LEGACY_STEP_INDEX = "step_execution_idx";

	static final String[] SEQUENCES = { "BATCH_JOB_INSTANCE_SEQ", "BATCH_JOB_EXECUTION_SEQ",
			"BATCH_STEP_EXECUTION_SEQ" };

	private volatile @Nullable PlatformTransactionManager transactionManager;

	/**
	 * Runs execute one after another, off the caller's thread: a start request returns at
	 * once. Created with the job operator.
	 */
	private volatile @Nullable ThreadPoolTaskExecutor executor;

	private static ThreadPoolTaskExecutor singleThread(RunEnds runEnds) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		// A run's end the store refused is recorded later (RunEnds).
		executor.setTaskDecorator(runEnds);
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("batch-job-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(30);
		executor.initialize();
		return executor;
	}

	@Override
	protected synchronized TaskExecutor getTaskExecutor() {
		ThreadPoolTaskExecutor executor = this.executor;
		if (executor == null) {
			executor = singleThread(this.applicationContext.getBean(RunEnds.class));
			this.executor = executor;
		}
		return executor;
	}

	@Override
	public void destroy() {
		ThreadPoolTaskExecutor executor = this.executor;
		if (executor != null) {
			executor.shutdown();
		}
	}

	/** Records the end of a run the store refused, once it takes writes again. */
	@Bean
	static RunEnds runEnds() {
		return new RunEnds();
	}

	/**
	 * Every job says in one line why a run failed ({@link FailedRunReport}) and has its
	 * end recorded ({@link RunEnds}).
	 */
	@Bean
	static FailedRunReport.Registrar failedRunReports(RunEnds runEnds) {
		return new FailedRunReport.Registrar(runEnds);
	}

	@Bean
	@Override
	public JobRepository jobRepository() {
		MongoDatabaseFactory factory = this.applicationContext.getBean(MongoDatabaseFactory.class);
		MongoTemplate batchMongo = batchTemplate(factory, this.applicationContext.getBean(MongoMappingContext.class),
				this.applicationContext.getBean(MongoCustomConversions.class));
		prepare(batchMongo);
		MongoJobRepositoryFactoryBean repository = new MongoJobRepositoryFactoryBean();
		repository.setMongoOperations(batchMongo);
		repository.setTransactionManager(transactionManager());
		try {
			repository.afterPropertiesSet();
			return repository.getObject();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create the MongoDB job repository", ex);
		}
	}

	@Override
	protected PlatformTransactionManager getTransactionManager() {
		return transactionManager();
	}

	/**
	 * For the steps of our jobs: transactional on a replica set, resourceless on the
	 * embedded store and standalone servers.
	 */
	@Bean
	PlatformTransactionManager batchTransactionManager() {
		return transactionManager();
	}

	private PlatformTransactionManager transactionManager() {
		PlatformTransactionManager manager = this.transactionManager;
		if (manager == null) {
			synchronized (this) {
				manager = this.transactionManager;
				if (manager == null) {
					StoreCapabilities capabilities = this.applicationContext.getBean(StoreCapabilities.class);
					manager = transactionManagerFor(capabilities,
							this.applicationContext.getBean(MongoDatabaseFactory.class));
					log.info("Batch job repository: {}", describeMode(capabilities));
					this.transactionManager = manager;
				}
			}
		}
		return manager;
	}

	/**
	 * A MongoDB transaction manager when the store supports transactions; resourceless
	 * otherwise.
	 */
	static PlatformTransactionManager transactionManagerFor(StoreCapabilities capabilities,
			MongoDatabaseFactory factory) {
		if (capabilities.transactions()) {
			MongoTransactionManager manager = new MongoTransactionManager(factory);
			manager.afterPropertiesSet();
			return manager;
		}
		return new ResourcelessTransactionManager();
	}

	static String describeMode(StoreCapabilities capabilities) {
		return capabilities.transactions() ? "transactional (MongoTransactionManager) on " + capabilities.describe()
				: "resourceless, without transactions, on " + capabilities.describe()
						+ "; job writers are idempotent, restarts converge";
	}

	/**
	 * A template of its own for batch metadata: execution-context keys contain dots
	 * ("reader.read.count"), which the application's converter rightly refuses as field
	 * names.
	 */
	static MongoTemplate batchTemplate(MongoDatabaseFactory factory, MongoMappingContext context,
			MongoCustomConversions conversions) {
		MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
		converter.setCustomConversions(conversions);
		// A full-width full stop: a dotted key stays readable and can never collide with
		// a real key.
		converter.setMapKeyDotReplacement("\uFF0E");
		converter.afterPropertiesSet();
		return new MongoTemplate(factory, converter);
	}

	/**
	 * Creates the collections, indexes and sequence documents the repository expects,
	 * idempotently. The unique index on (jobName, jobKey) is what makes two instances
	 * racing to start the same job instance (a scheduled run of the same slot) end with
	 * one run: the second insert fails.
	 */
	static void prepare(MongoTemplate mongo) {
		try {
			prepareCollections(mongo);
		}
		catch (StoreUnavailableException ex) {
			// A read-only embedded store (an operator's choice, or a recovered file
			// waiting to be accepted): the service
			// still serves reads; jobs cannot run until the store takes writes, and their
			// runs will say so.
			log.warn("Batch job repository not prepared: {}; jobs cannot run until the store takes writes",
					ex.publicReason());
		}
	}

	private static void prepareCollections(MongoTemplate mongo) {
		for (String collection : new String[] { "BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION",
				"BATCH_SEQUENCES" }) {
			if (!mongo.collectionExists(collection)) {
				try {
					mongo.createCollection(collection);
				}
				catch (RuntimeException ex) {
					// Another instance created it at the same moment.
					log.debug("Collection {} already exists", collection);
				}
			}
		}
		for (String sequence : SEQUENCES) {
			mongo.upsert(new Query(Criteria.where("_id").is(sequence)), new Update().setOnInsert("count", 0L),
					"BATCH_SEQUENCES");
		}
		mongo.indexOps("BATCH_JOB_INSTANCE")
			.createIndex(new Index().on("jobName", Sort.Direction.ASC)
				.on("jobKey", Sort.Direction.ASC)
				.unique()
				.named("job_name_key_unique"));
		mongo.indexOps("BATCH_JOB_INSTANCE")
			.createIndex(new Index().on("jobInstanceId", Sort.Direction.DESC).named("job_instance_idx"));
		mongo.indexOps("BATCH_JOB_EXECUTION")
			.createIndex(new Index().on("jobInstanceId", Sort.Direction.ASC).named("job_instance_idx"));
		stepExecutionIndex(mongo);
		mongo.indexOps("BATCH_JOB_EXECUTION")
			.createIndex(
					new Index().on("jobExecutionId", Sort.Direction.ASC).unique().named("job_execution_id_unique"));
		Document probe = mongo.findById("BATCH_JOB_INSTANCE_SEQ", Document.class, "BATCH_SEQUENCES");
		log.debug("Batch job repository ready (instance sequence at {})", (probe != null) ? probe.get("count") : "?");
	}

	/**
	 * A step execution is updated by {@code stepExecutionId} at every chunk. The embedded
	 * store serves a query from an index only when the index is unique, so the plain
	 * index first declared here left each update scanning every step execution ever run;
	 * it is replaced by a unique one (ids come from a sequence). A real MongoDB refuses
	 * two indexes on the same key that differ only in uniqueness, hence the drop.
	 */
	static void stepExecutionIndex(MongoTemplate mongo) {
		IndexOperations steps = mongo.indexOps("BATCH_STEP_EXECUTION");
		boolean plain = steps.getIndexInfo()
			.stream()
			.anyMatch((index) -> LEGACY_STEP_INDEX.equals(index.getName()) && !index.isUnique());
		if (plain) {
			try {
				steps.dropIndex(LEGACY_STEP_INDEX);
			}
			catch (RuntimeException ex) {
				// Another instance dropped it at the same moment.
				log.debug("Index {} already dropped", LEGACY_STEP_INDEX);
			}
		}
		steps.createIndex(new Index().on("stepExecutionId", Sort.Direction.ASC).unique().named(STEP_INDEX));
	}

}
